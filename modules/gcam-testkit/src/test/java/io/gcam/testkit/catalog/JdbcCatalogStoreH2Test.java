package io.gcam.testkit.catalog;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.catalog.jdbc.JdbcCatalogStore;
import io.gcam.catalog.spi.CatalogStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.testsupport.db.TestDatabases;
import org.junit.jupiter.api.AfterAll;

class JdbcCatalogStoreH2Test extends CatalogStoreCompatibilityKit {

    private static HikariDataSource pool;

    @Override
    protected CatalogStore createStore() {
        if (pool == null) {
            pool = TestDatabases.h2().newPool(10);
            Migrations.migrate(pool, "catalog");
        }
        return new JdbcCatalogStore(LocalTransactions.over(pool).dataSource());
    }

    @AfterAll
    static void closePool() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
