package io.gcam.testkit.registration;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.registration.jdbc.JdbcRegistrationStore;
import io.gcam.registration.spi.RegistrationStore;
import io.gcam.testsupport.db.TestDatabases;
import org.junit.jupiter.api.AfterAll;

class JdbcRegistrationStoreH2Test extends RegistrationStoreCompatibilityKit {

    private static HikariDataSource pool;

    @Override
    protected RegistrationStore createStore() {
        if (pool == null) {
            pool = TestDatabases.h2().newPool(10);
            Migrations.migrate(pool, "registration");
        }
        return new JdbcRegistrationStore(LocalTransactions.over(pool).dataSource());
    }

    @AfterAll
    static void closePool() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
