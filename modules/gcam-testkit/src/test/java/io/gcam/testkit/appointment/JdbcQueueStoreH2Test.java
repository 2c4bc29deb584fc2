package io.gcam.testkit.appointment;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.appointment.jdbc.JdbcQueueStore;
import io.gcam.appointment.spi.QueueStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.testsupport.db.TestDatabases;
import org.junit.jupiter.api.AfterAll;

class JdbcQueueStoreH2Test extends QueueStoreCompatibilityKit {

    private static HikariDataSource pool;

    @Override
    protected QueueStore createStore() {
        if (pool == null) {
            pool = TestDatabases.h2().newPool(10);
            Migrations.migrate(pool, "appointment");
        }
        return new JdbcQueueStore(LocalTransactions.over(pool).dataSource());
    }

    @AfterAll
    static void closePool() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
