package io.gcam.testkit.identity;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.jdbc.Migrations;
import io.gcam.identity.jdbc.JdbcVerificationStore;
import io.gcam.identity.spi.VerificationStore;
import io.gcam.testsupport.db.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbcVerificationStoreH2Test extends VerificationStoreCompatibilityKit {

    private static HikariDataSource pool;

    @BeforeAll
    static void migrate() {
        pool = TestDatabases.h2().newPool(10);
        Migrations.migrate(pool, "identity");
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Override
    protected VerificationStore createStore() {
        return JdbcVerificationStore.create(pool);
    }
}
