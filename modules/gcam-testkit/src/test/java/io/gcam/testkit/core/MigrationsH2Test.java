package io.gcam.testkit.core;

import io.gcam.testsupport.db.TestDatabases;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;

class MigrationsH2Test extends MigrationsContract {

    @Override
    TestDatabase database() {
        return TestDatabases.h2();
    }

    @Override
    int raceRounds() {
        return 40; // fresh H2 databases cost next to nothing
    }
}
