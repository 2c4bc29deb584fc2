package io.gcam.testkit.core;

import io.gcam.testsupport.db.TestDatabases;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;

class JdbcIdempotencyStorePostgresTest extends JdbcIdempotencyStoreContract {

    private TestDatabase database;

    @Override
    protected TestDatabase database() {
        if (database == null) {
            database = TestDatabases.postgres();
        }
        return database;
    }
}
