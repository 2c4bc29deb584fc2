package io.gcam.testkit.core;

import io.gcam.testkit.db.TestDatabases;
import io.gcam.testkit.db.TestDatabases.TestDatabase;

class JdbcAuditStorePostgresTest extends JdbcAuditStoreContract {

    private TestDatabase database;

    @Override
    protected TestDatabase database() {
        if (database == null) {
            database = TestDatabases.postgres();
        }
        return database;
    }
}
