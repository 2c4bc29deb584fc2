package io.gcam.testkit.core;

import io.gcam.testsupport.db.TestDatabases;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;

class LocalTransactionsH2Test extends LocalTransactionsContract {

    @Override
    TestDatabase database() {
        return TestDatabases.h2();
    }
}
