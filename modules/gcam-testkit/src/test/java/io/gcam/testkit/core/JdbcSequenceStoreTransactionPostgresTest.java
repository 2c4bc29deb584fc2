package io.gcam.testkit.core;

import io.gcam.testsupport.db.TestDatabases;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;

class JdbcSequenceStoreTransactionPostgresTest extends JdbcSequenceStoreTransactionContract {

    @Override
    TestDatabase database() {
        return TestDatabases.postgres();
    }
}
