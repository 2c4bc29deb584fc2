package io.gcam.records;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.testsupport.db.TestDatabases;

class CustodyTamperingPostgresTest extends CustodyTamperingContract {

    @Override
    protected HikariDataSource newPool() {
        return TestDatabases.postgres().newPool(4);
    }
}
