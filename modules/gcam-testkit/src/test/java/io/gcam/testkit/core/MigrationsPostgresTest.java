package io.gcam.testkit.core;

import io.gcam.testsupport.db.TestDatabases;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;

class MigrationsPostgresTest extends MigrationsContract {

    @Override
    TestDatabase database() {
        return TestDatabases.postgres();
    }
}
