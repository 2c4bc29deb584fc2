package io.gcam.catalog;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.testsupport.db.TestDatabases;

/** The single window over a local workflow, with filings recorded from its events, on PostgreSQL. */
class LocalWorkflowSingleWindowPostgresTest extends LocalWorkflowSingleWindowTest {

    @Override
    HikariDataSource newPool() {
        return TestDatabases.postgres().newPool(4);
    }
}
