package io.gcam.testkit.workflow;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.jdbc.Migrations;
import io.gcam.testsupport.db.TestDatabases;
import io.gcam.workflow.jdbc.JdbcInquiryLimitStore;
import io.gcam.workflow.spi.InquiryLimitStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbcInquiryLimitStoreH2Test extends InquiryLimitStoreCompatibilityKit {

    private static HikariDataSource pool;

    @BeforeAll
    static void migrate() {
        pool = TestDatabases.h2().newPool(10);
        Migrations.migrate(pool, "workflow");
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Override
    protected InquiryLimitStore createStore() {
        return JdbcInquiryLimitStore.create(pool);
    }
}
