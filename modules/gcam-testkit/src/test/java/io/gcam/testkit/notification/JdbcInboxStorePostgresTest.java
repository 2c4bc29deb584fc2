package io.gcam.testkit.notification;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.jdbc.Migrations;
import io.gcam.notification.jdbc.JdbcInboxStore;
import io.gcam.notification.spi.InboxStore;
import io.gcam.testsupport.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;

class JdbcInboxStorePostgresTest extends InboxStoreCompatibilityKit {

    private HikariDataSource pool;

    @Override
    protected InboxStore createStore() {
        pool = TestDatabases.postgres().newPool(10);
        Migrations.migrate(pool, "notification");
        return JdbcInboxStore.create(pool);
    }

    @AfterEach
    void closePool() {
        pool.close();
    }
}
