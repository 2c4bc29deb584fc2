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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 10,000 emails through the transactional outbox (render, store in H2 in transactions of 100,
 * claim, send over SMTP, record the outcome) to a local GreenMail, against a baseline loop that
 * sends the same messages with plain Jakarta Mail over one reused Transport. Prints the
 * throughput ratio (outbox / baseline; target at least 0.7).
 *
 * <p>Not a JMH benchmark: after a warm-up of 1,000 emails each way, every round times the baseline,
 * the outbox with one worker thread and with four, each against a fresh GreenMail, in one JVM;
 * the median ratio of the rounds is reported. Deliveries are counted from the worker's
 * {@code notification.delivered} events. Run: {@code ./mvnw -B -q -DskipTests package -pl benchmarks -am}
 * then {@code java -cp benchmarks/target/benchmarks.jar io.gcam.benchmarks.notification.NotificationOutboxBenchmark}.
 * Optional arguments: the number of emails (10,000) and of rounds (3).
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
     * @param args optional: number of emails (default 10000), number of rounds (default 3)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        // Warm-up of both paths.
        try (Mailbox mail = Mailbox.start()) {
            baseline(mail.port(), 1_000);
            outbox(mail.port(), 1_000, 1);
        }
        double[] oneThread = new double[rounds];
        double[] fourThreads = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            // Each side gets a fresh mail server: GreenMail's cost per message grows with the number of
            // mailboxes it holds, which would otherwise favour whichever side runs later.
            double base = measure(count, port -> baseline(port, count));
            double one = measure(count, port -> outbox(port, count, 1));
            double four = measure(count, port -> outbox(port, count, 4));
            oneThread[round] = one / base;
            fourThreads[round] = four / base;
            LOG.warn(String.format(Locale.ROOT, "round %d: %d emails to GreenMail: baseline (one reused Transport)"
                    + " %.0f/s; outbox 1 worker thread %.0f/s (ratio %.2f); outbox 4 worker threads %.0f/s"
                    + " (ratio %.2f)", round + 1, count, base, one, one / base, four, four / base));
        }
        LOG.warn(String.format(Locale.ROOT, "median of %d rounds: outbox/baseline ratio %.2f with 1 worker thread,"
                + " %.2f with 4; target ratio >= 0.70", rounds, median(oneThread), median(fourThreads)));
    }

    private interface Run {
        double emailsPerSecond(int port) throws Exception;
    }

    private static double measure(int count, Run run) throws Exception {
        try (Mailbox mail = Mailbox.start()) {
            double rate = run.emailsPerSecond(mail.port());
            int received = mail.greenMail.getReceivedMessages().length;
            if (received != count) {
                throw new IllegalStateException("expected " + count + " emails, GreenMail holds " + received);
            }
            return rate;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** A GreenMail SMTP server on a free local port. */
    private record Mailbox(GreenMail greenMail) implements AutoCloseable {
        static Mailbox start() {
            GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            mail.start();
            return new Mailbox(mail);
        }

        int port() {
            return greenMail.getSmtp().getPort();
        }

        @Override
        public void close() {
            greenMail.stop();
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
            // Deliveries are counted from the worker's status events, not by polling the table,
            // which would compete with the worker for the CPU.
            CountDownLatch delivered = new CountDownLatch(count);
            long start = System.nanoTime();
            try (SmtpEmailChannel email = SmtpEmailChannel.builder().host("127.0.0.1").port(port)
                    .security(SmtpSecurity.NONE).from("no-reply@agency.example", "Agency").build();
                    NotificationWorker worker = NotificationWorker.builder().store(store).channel(email)
                            .threads(threads).batchSize(50).pollInterval(Duration.ofMillis(5))
                            .events(event -> {
                                if (event.type().equals("notification.delivered")) {
                                    delivered.countDown();
                                }
                            }).build().start()) {
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
                if (!delivered.await(30, TimeUnit.MINUTES)) {
                    throw new IllegalStateException(delivered.getCount() + " emails were not delivered");
                }
            }
            return count / seconds(start);
        }
    }

    private static double seconds(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toNanos() / 1e9;
    }
}
