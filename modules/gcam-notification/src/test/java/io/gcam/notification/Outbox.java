package io.gcam.notification;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.GcamLocales;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.notification.jdbc.JdbcInboxStore;
import io.gcam.notification.jdbc.JdbcOutboxStore;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A migrated database with the JDBC stores over it, as one application instance would have. */
final class Outbox implements AutoCloseable {

    static final NotificationTemplate WELCOME = NotificationTemplate.builder("welcome")
            .version(2)
            .email(GcamLocales.ENGLISH, "Welcome, ((name))", "Dear ((name)), welcome.", "<p>Dear ((name)), welcome.</p>")
            .email(GcamLocales.TRADITIONAL_CHINESE, "歡迎，((name))", "((name)) 您好，歡迎。", "<p>((name)) 您好，歡迎。</p>")
            .email(GcamLocales.PORTUGUESE, "Bem-vindo(a), ((name))", "Caro(a) ((name)), bem-vindo(a).",
                    "<p>Caro(a) ((name)), bem-vindo(a).</p>")
            .sms(GcamLocales.ENGLISH, "Welcome ((name))")
            .inApp(GcamLocales.ENGLISH, "Welcome, ((name))!")
            .build();

    final HikariDataSource pool;
    final LocalTransactions tx;
    final JdbcOutboxStore store;
    final JdbcInboxStore inbox;

    Outbox(TestDatabase database, int connections) {
        this.pool = database.newPool(connections);
        Migrations.migrate(pool, "notification");
        this.tx = LocalTransactions.over(pool);
        this.store = JdbcOutboxStore.create(tx.dataSource());
        this.inbox = JdbcInboxStore.create(tx.dataSource());
    }

    long count(String where) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM gcam_notification WHERE " + where)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
