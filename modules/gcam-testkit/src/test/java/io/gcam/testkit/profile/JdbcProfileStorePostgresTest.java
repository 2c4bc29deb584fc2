package io.gcam.testkit.profile;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.jdbc.Migrations;
import io.gcam.profile.jdbc.JdbcProfileStore;
import io.gcam.profile.spi.ProfileStore;
import io.gcam.testsupport.db.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbcProfileStorePostgresTest extends ProfileStoreCompatibilityKit {

    private static HikariDataSource pool;

    @BeforeAll
    static void migrate() {
        pool = TestDatabases.postgres().newPool(10);
        Migrations.migrate(pool, "profile");
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Override
    protected ProfileStore createStore() {
        return JdbcProfileStore.create(pool);
    }
}
