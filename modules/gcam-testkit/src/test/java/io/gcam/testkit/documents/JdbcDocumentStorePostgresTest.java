package io.gcam.testkit.documents;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.jdbc.Migrations;
import io.gcam.documents.jdbc.JdbcDocumentStore;
import io.gcam.documents.spi.DocumentStore;
import io.gcam.testsupport.db.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbcDocumentStorePostgresTest extends DocumentStoreCompatibilityKit {

    private static HikariDataSource pool;

    @BeforeAll
    static void migrate() {
        pool = TestDatabases.postgres().newPool(5);
        Migrations.migrate(pool, "documents");
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Override
    protected DocumentStore createStore() {
        return JdbcDocumentStore.create(pool);
    }
}
