package io.gcam.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.gcam.core.Actor;
import io.gcam.core.GcamLocales;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.notification.jdbc.JdbcOutboxStore;
import io.gcam.testsupport.db.TestDatabases;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The example of docs/modules/notification.md, compiled and run. */
class NotificationExampleTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @Test
    void documentedExample() throws Exception {
        DataSource pool = TestDatabases.h2().dataSource();
        int smtpPort = SMTP.getSmtp().getPort();
        // docs/modules/notification.md, "In 20 lines"
        Migrations.migrate(pool, "notification");
        LocalTransactions tx = LocalTransactions.over(pool);
        JdbcOutboxStore outbox = JdbcOutboxStore.create(tx.dataSource());
        NotificationTemplates templates = NotificationTemplates.of(NotificationTemplate.builder("received")
                .version(1)
                .email(GcamLocales.ENGLISH, "We received ((reference))", "Dear ((name)), ...", "<p>Dear ((name)), ...</p>")
                .email(GcamLocales.PORTUGUESE, "Recebemos ((reference))", "Caro(a) ((name)), ...", null)
                .build());
        NotificationService notifications = NotificationService.builder()
                .store(outbox).templates(templates).transactions(tx).build();
        NotificationWorker worker = NotificationWorker.builder().store(outbox)
                .channel(SmtpEmailChannel.builder().host("127.0.0.1").port(smtpPort).security(SmtpSecurity.NONE)
                        .from("no-reply@agency.example", "Agency").readTimeout(Duration.ofSeconds(10)).build())
                .build();

        tx.inTransaction(() -> notifications.send(Actor.system("registration"),   // in the caller's transaction
                NotificationRequest.builder("received").toEmail("ana@example.org").locale(GcamLocales.PORTUGUESE)
                        .value("name", "Ana").value("reference", "REG-2026-000123").reference("REG-2026-000123")
                        .build()));
        worker.drain();                                       // or worker.start() for background threads

        Notification sent = notifications.findByReference(Actor.system("registration"), "REG-2026-000123").get(0);
        assertThat(sent.status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("Recebemos REG-2026-000123");
    }
}
