package io.gcam.records;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.testsupport.db.TestDatabases;

class CustodyTamperingH2Test extends CustodyTamperingContract {

    @Override
    protected HikariDataSource newPool() {
        return TestDatabases.h2().newPool(4);
    }
}
