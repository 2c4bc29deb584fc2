package io.gcam.testkit.core;

import io.gcam.testkit.db.TestDatabases;
import io.gcam.testkit.db.TestDatabases.TestDatabase;

class JdbcSequenceStoreTransactionPostgresTest extends JdbcSequenceStoreTransactionContract {

    @Override
    TestDatabase database() {
        return TestDatabases.postgres();
    }
}
