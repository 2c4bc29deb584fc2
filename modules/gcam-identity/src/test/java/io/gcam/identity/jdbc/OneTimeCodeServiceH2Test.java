package io.gcam.identity.jdbc;

import io.gcam.testsupport.db.TestDatabases;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;

class OneTimeCodeServiceH2Test extends OneTimeCodeServiceContract {
    @Override
    TestDatabase database() {
        return TestDatabases.h2();
    }
}
