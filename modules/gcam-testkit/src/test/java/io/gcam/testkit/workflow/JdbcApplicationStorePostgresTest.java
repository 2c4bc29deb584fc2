package io.gcam.testkit.workflow;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.jdbc.Migrations;
import io.gcam.testsupport.db.TestDatabases;
import io.gcam.workflow.jdbc.JdbcApplicationStore;
import io.gcam.workflow.spi.ApplicationStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbcApplicationStorePostgresTest extends ApplicationStoreCompatibilityKit {

    private static HikariDataSource pool;

    @BeforeAll
    static void migrate() {
        pool = TestDatabases.postgres().newPool(10);
        Migrations.migrate(pool, "workflow");
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Override
    protected ApplicationStore createStore() {
        return JdbcApplicationStore.create(pool);
    }
}
