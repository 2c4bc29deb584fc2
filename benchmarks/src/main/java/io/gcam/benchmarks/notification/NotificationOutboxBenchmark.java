package io.gcam.benchmarks.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
import io.gcam.core.GcamLocales;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.notification.NotificationRequest;
import io.gcam.notification.NotificationService;
import io.gcam.notification.NotificationTemplate;
import io.gcam.notification.NotificationTemplates;
import io.gcam.notification.NotificationWorker;
import io.gcam.notification.SmtpEmailChannel;
import io.gcam.notification.SmtpSecurity;
import io.gcam.notification.jdbc.JdbcOutboxStore;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 10,000 emails through the transactional outbox (render, store in H2 in transactions of 100,
 * claim, send over SMTP, record the outcome) to a local GreenMail, against a baseline loop that
 * sends the same messages with plain Jakarta Mail over one reused Transport. Prints the
 * throughput ratio (outbox / baseline; target at least 0.7).
 *
 * <p>Not a JMH benchmark: one timed run of each side after a warm-up of 1,000 emails, in one JVM.
 * Run: {@code ./mvnw -B -q -DskipTests package -pl benchmarks -am} then
 * {@code java -cp benchmarks/target/benchmarks.jar io.gcam.benchmarks.notification.NotificationOutboxBenchmark}.
 * Optional argument: the number of emails.
 */
public final class NotificationOutboxBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationOutboxBenchmark.class);

    private static final NotificationTemplate TEMPLATE = NotificationTemplate.builder("bench")
            .email(GcamLocales.ENGLISH, "Registration ((reference)) received",
                    "Dear ((name)),\nwe received your registration ((reference)).",
                    "<p>Dear ((name)),</p><p>we received your registration <b>((reference))</b>.</p>")
            .build();

    private NotificationOutboxBenchmark() {
    }

    /**
     * @param args optional: number of emails (default 10000)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        int port = mail.getSmtp().getPort();
        try {
            // Warm-up of both paths.
            baseline(port, 1_000);
            outbox(port, 1_000, 1);
            mail.purgeEmailFromAllMailboxes();

            double base = baseline(port, count);
            check(mail, count);
            mail.purgeEmailFromAllMailboxes();
            double oneThread = outbox(port, count, 1);
            check(mail, count);
            mail.purgeEmailFromAllMailboxes();
            double fourThreads = outbox(port, count, 4);
            check(mail, count);

            String report = String.format(Locale.ROOT,
                    "%d emails to GreenMail: baseline (one reused Transport) %.0f/s; outbox 1 worker thread %.0f/s"
                            + " (ratio %.2f); outbox 4 worker threads %.0f/s (ratio %.2f); target ratio >= 0.70",
                    count, base, oneThread, oneThread / base, fourThreads, fourThreads / base);
            LOG.warn(report);
        } finally {
            mail.stop();
        }
    }

    private static void check(GreenMail mail, int count) {
        int received = mail.getReceivedMessages().length;
        if (received != count) {
            throw new IllegalStateException("expected " + count + " emails, GreenMail holds " + received);
        }
    }

    private static double baseline(int port, int count) throws MessagingException, UnsupportedEncodingException {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.connectiontimeout", "10000");
        p.setProperty("mail.smtp.timeout", "30000");
        p.setProperty("mail.smtp.writetimeout", "30000");
        Session session = Session.getInstance(p);
        InternetAddress from = new InternetAddress("no-reply@agency.example", "Agency", "UTF-8");
        long start = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < count; i++) {
                MimeMessage m = new MimeMessage(session);
                m.setFrom(from);
                m.setRecipient(Message.RecipientType.TO, new InternetAddress("user" + i + "@example.org"));
                m.setSubject("Registration REG-" + i + " received", "UTF-8");
                m.setHeader("Content-Language", "en");
                MimeBodyPart text = new MimeBodyPart();
                text.setText("Dear User " + i + ",\nwe received your registration REG-" + i + ".", "UTF-8", "plain");
                MimeBodyPart html = new MimeBodyPart();
                html.setText("<p>Dear User " + i + ",</p><p>we received your registration <b>REG-" + i + "</b>.</p>",
                        "UTF-8", "html");
                MimeMultipart alternative = new MimeMultipart("alternative");
                alternative.addBodyPart(text);
                alternative.addBodyPart(html);
                m.setContent(alternative);
                m.saveChanges();
                transport.sendMessage(m, m.getAllRecipients());
            }
        }
        return count / seconds(start);
    }

    private static double outbox(int port, int count, int threads) throws InterruptedException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:bench" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(threads + 4);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Migrations.migrate(pool, "notification");
            LocalTransactions tx = LocalTransactions.over(pool);
            JdbcOutboxStore store = JdbcOutboxStore.create(tx.dataSource());
            NotificationService service = NotificationService.builder().store(store)
                    .templates(NotificationTemplates.of(TEMPLATE)).transactions(tx).build();
            Actor system = Actor.system("benchmark");
            long start = System.nanoTime();
            try (SmtpEmailChannel email = SmtpEmailChannel.builder().host("127.0.0.1").port(port)
                    .security(SmtpSecurity.NONE).from("no-reply@agency.example", "Agency").build();
                    NotificationWorker worker = NotificationWorker.builder().store(store).channel(email)
                            .threads(threads).batchSize(50).pollInterval(Duration.ofMillis(5)).build().start()) {
                for (int batch = 0; batch < count; batch += 100) {
                    int first = batch;
                    tx.inTransaction(() -> {
                        for (int i = first; i < Math.min(count, first + 100); i++) {
                            service.send(system, NotificationRequest.builder("bench")
                                    .toEmail("user" + i + "@example.org").value("name", "User " + i)
                                    .value("reference", "REG-" + i).build());
                        }
                    });
                }
                while (delivered(pool) < count) {
                    Thread.sleep(5);
                }
            }
            return count / seconds(start);
        }
    }

    private static long delivered(HikariDataSource pool) {
        try (var c = pool.getConnection(); var s = c.createStatement();
                var r = s.executeQuery("SELECT COUNT(*) FROM gcam_notification WHERE status = 'DELIVERED'")) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toNanos() / 1e9;
    }
}
