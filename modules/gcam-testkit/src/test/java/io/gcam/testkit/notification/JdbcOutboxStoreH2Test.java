package io.gcam.testkit.notification;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.jdbc.Migrations;
import io.gcam.notification.jdbc.JdbcOutboxStore;
import io.gcam.notification.spi.OutboxStore;
import io.gcam.testsupport.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;

class JdbcOutboxStoreH2Test extends OutboxStoreCompatibilityKit {

    private HikariDataSource pool;

    @Override
    protected OutboxStore createStore() {
        pool = TestDatabases.h2().newPool(10);
        Migrations.migrate(pool, "notification");
        return JdbcOutboxStore.create(pool);
    }

    @AfterEach
    void closePool() {
        pool.close();
    }
}
