package io.gcam.testkit.records;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.jdbc.Migrations;
import io.gcam.records.jdbc.JdbcRecordStore;
import io.gcam.records.spi.RecordStore;
import io.gcam.testsupport.db.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbcRecordStorePostgresTest extends RecordStoreCompatibilityKit {

    private static HikariDataSource pool;

    @BeforeAll
    static void migrate() {
        pool = TestDatabases.postgres().newPool(10);
        Migrations.migrate(pool, "records");
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Override
    protected RecordStore createStore() {
        return JdbcRecordStore.create(pool);
    }
}
