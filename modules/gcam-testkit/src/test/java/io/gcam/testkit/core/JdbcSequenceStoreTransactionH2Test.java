package io.gcam.testkit.core;

import io.gcam.testkit.db.TestDatabases;
import io.gcam.testkit.db.TestDatabases.TestDatabase;

class JdbcSequenceStoreTransactionH2Test extends JdbcSequenceStoreTransactionContract {

    @Override
    TestDatabase database() {
        return TestDatabases.h2();
    }
}
