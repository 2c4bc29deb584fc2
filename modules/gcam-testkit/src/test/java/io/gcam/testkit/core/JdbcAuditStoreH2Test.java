package io.gcam.testkit.core;

import io.gcam.testsupport.db.TestDatabases;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;

class JdbcAuditStoreH2Test extends JdbcAuditStoreContract {

    private TestDatabase database;

    @Override
    protected TestDatabase database() {
        if (database == null) {
            database = TestDatabases.h2();
        }
        return database;
    }
}
