package io.gcam.testkit.appointment;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.appointment.jdbc.JdbcAppointmentStore;
import io.gcam.appointment.spi.AppointmentStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.testsupport.db.TestDatabases;
import org.junit.jupiter.api.AfterAll;

class JdbcAppointmentStoreH2Test extends AppointmentStoreCompatibilityKit {

    private static HikariDataSource pool;

    @Override
    protected AppointmentStore createStore() {
        if (pool == null) {
            pool = TestDatabases.h2().newPool(10);
            Migrations.migrate(pool, "appointment");
        }
        return new JdbcAppointmentStore(LocalTransactions.over(pool).dataSource());
    }

    @AfterAll
    static void closePool() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
