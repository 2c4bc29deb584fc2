package io.gcam.testkit.profile;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.jdbc.Migrations;
import io.gcam.profile.jdbc.JdbcProfileStore;
import io.gcam.profile.spi.ProfileStore;
import io.gcam.testsupport.db.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbcProfileStoreH2Test extends ProfileStoreCompatibilityKit {

    private static HikariDataSource pool;

    @BeforeAll
    static void migrate() {
        pool = TestDatabases.h2().newPool(10);
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
