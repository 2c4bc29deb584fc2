package io.gcam.testkit.identity;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.jdbc.Migrations;
import io.gcam.identity.jdbc.JdbcOneTimeCodeStore;
import io.gcam.identity.spi.OneTimeCodeStore;
import io.gcam.testsupport.db.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbcOneTimeCodeStorePostgresTest extends OneTimeCodeStoreCompatibilityKit {

    private static HikariDataSource pool;

    @BeforeAll
    static void migrate() {
        pool = TestDatabases.postgres().newPool(10);
        Migrations.migrate(pool, "identity");
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Override
    protected OneTimeCodeStore createStore() {
        return JdbcOneTimeCodeStore.create(pool);
    }
}
