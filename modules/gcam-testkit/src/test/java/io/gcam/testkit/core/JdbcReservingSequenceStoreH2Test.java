package io.gcam.testkit.core;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.jdbc.JdbcSequenceStore;
import io.gcam.core.jdbc.Migrations;
import io.gcam.core.spi.SequenceStore;
import io.gcam.testsupport.db.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The kit on a store that reserves blocks of 7, so that its tests cross block boundaries. */
class JdbcReservingSequenceStoreH2Test extends SequenceStoreCompatibilityKit {

    private static HikariDataSource pool;

    @BeforeAll
    static void migrate() {
        pool = TestDatabases.h2().newPool(10);
        Migrations.migrate(pool, "core");
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Override
    protected SequenceStore createStore() {
        return JdbcSequenceStore.reserving(pool, 7);
    }
}
