package io.gcam.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.gcam.core.Actor;
import io.gcam.notification.spi.DeliveryException;
import io.gcam.notification.spi.NotificationChannel;
import io.gcam.testsupport.db.TestDatabases;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 1,000 notifications, two application instances (two pools, two workers of two threads each)
 * on one PostgreSQL, an SMTP server that is down part of the time and a channel that fails at
 * random: every notification is handed over
 * successfully exactly once, none is lost, and every copy the server holds has the Message-ID of
 * its notification.
 */
class EmailOutboxChaosTest {

    static final int NOTIFICATIONS = 1_000;
    static final Map<String, AtomicInteger> HANDED_OVER = new java.util.concurrent.ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> INTERRUPTED = new java.util.concurrent.ConcurrentHashMap<>();

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // guards against a hang; not a speed claim
    void deliversEveryNotificationExactlyOnceDespiteOutagesAndRandomFailures() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        int port = freePort();
        List<String> receivedIds = new CopyOnWriteArrayList<>();
        AtomicInteger outages = new AtomicInteger();
        AtomicInteger randomFailures = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();

        try (Outbox a = new Outbox(db, 6); Outbox b = new Outbox(db, 6)) {
            NotificationService service = NotificationService.builder().store(a.store)
                    .templates(NotificationTemplates.of(Outbox.WELCOME)).transactions(a.tx).build();
            Actor system = Actor.system("chaos-test");
            for (int batch = 0; batch < NOTIFICATIONS / 50; batch++) {
                int first = batch * 50;
                a.tx.inTransaction(() -> {
                    for (int i = first; i < first + 50; i++) {
                        service.send(system, NotificationRequest.builder("welcome").toEmail("user" + i + "@example.org")
                                .value("name", "User " + i).reference("CHAOS").build());
                    }
                });
            }

            Thread smtp = new Thread(() -> flapSmtp(port, receivedIds, outages, done));
            smtp.start();
            try (SmtpEmailChannel emailA = channel(port); SmtpEmailChannel emailB = channel(port);
                    NotificationWorker workerA = worker(a, flaky(emailA, randomFailures)).start();
                    NotificationWorker workerB = worker(b, flaky(emailB, randomFailures)).start()) {
                while (a.count("status = 'DELIVERED'") < NOTIFICATIONS
                        && a.count("status = 'TECHNICAL_FAILURE' OR status = 'PERMANENT_FAILURE'") == 0) {
                    Thread.sleep(200);
                }
            } finally {
                done.set(true);
                smtp.join();
            }

            assertThat(a.count("status = 'DELIVERED'")).isEqualTo(NOTIFICATIONS);
            assertThat(outages.get()).as("the SMTP server was down at least once").isGreaterThanOrEqualTo(1);
            assertThat(randomFailures.get()).as("the channel failed at random").isPositive();
            assertThat(a.count("attempts > 1")).as("some notifications needed retries").isPositive();

            // Exactly one successful hand-over per notification: no two workers (or threads) ever
            // delivered the same notification, and none was lost.
            assertThat(HANDED_OVER).hasSize(NOTIFICATIONS).allSatisfy((id, count) -> assertThat(count.get()).isOne());
            Map<String, Long> perMessageId = receivedIds.stream()
                    .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
            // A second copy can only come from an attempt that the server had accepted when it was
            // stopped before answering: at-least-once. Its Message-ID is the same, so the recipient's
            // mail system can drop it.
            perMessageId.forEach((messageId, copies) -> {
                if (copies > 1) {
                    String id = messageId.substring(1, messageId.indexOf('@'));
                    assertThat(INTERRUPTED.getOrDefault(id, new AtomicInteger()).get())
                            .as("interrupted SMTP attempts of duplicated %s", id).isGreaterThanOrEqualTo((int) (copies - 1));
                }
            });
            long duplicates = receivedIds.size() - perMessageId.size();
            org.slf4j.LoggerFactory.getLogger(EmailOutboxChaosTest.class).warn(
                    "chaos run: {} outages, {} random failures, {} interrupted SMTP attempts, {} duplicate copies"
                            + " (same Message-ID) out of {} received", outages.get(), randomFailures.get(),
                    INTERRUPTED.values().stream().mapToInt(AtomicInteger::get).sum(), duplicates, receivedIds.size());
            Set<String> expected = new HashSet<>();
            for (Notification n : service.findByReference(system, "CHAOS")) {
                expected.add("<" + n.id() + "@agency.example>");
            }
            assertThat(expected).hasSize(NotificationService.MAX_BY_REFERENCE); // the first 200 by reference
            assertThat(perMessageId.keySet()).hasSize(NOTIFICATIONS).containsAll(expected);
        }
    }

    static SmtpEmailChannel channel(int port) {
        return EmailDeliveryTest.smtp(port).build();
    }

    static NotificationWorker worker(Outbox outbox, NotificationChannel channel) {
        return NotificationWorker.builder().store(outbox.store).channel(channel)
                .retry(new RetryPolicy(10_000, Duration.ofMillis(20), Duration.ofMillis(300), 0.5))
                .lease(Duration.ofSeconds(30))
                .batchSize(10)
                .threads(2)
                .pollInterval(Duration.ofMillis(20))
                .build();
    }

    static NotificationChannel flaky(SmtpEmailChannel email, AtomicInteger failures) {
        return new NotificationChannel() {
            @Override
            public Channel channel() {
                return Channel.EMAIL;
            }

            @Override
            public void deliver(Notification n) {
                if (ThreadLocalRandom.current().nextInt(10) == 0) {
                    failures.incrementAndGet();
                    throw ThreadLocalRandom.current().nextBoolean()
                            ? DeliveryException.transientFailure("random handler failure", null)
                            : new IllegalStateException("random handler bug");
                }
                try {
                    email.deliver(n);
                } catch (RuntimeException e) {
                    INTERRUPTED.computeIfAbsent(n.id(), k -> new AtomicInteger()).incrementAndGet();
                    throw e;
                }
                HANDED_OVER.computeIfAbsent(n.id(), k -> new AtomicInteger()).incrementAndGet();
            }
        };
    }

    /** Runs GreenMail on the port for a while, stops it for a while, and so on, keeping what it received. */
    static void flapSmtp(int port, List<String> receivedIds, AtomicInteger outages, AtomicBoolean done) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        List<KeepingGreenMail> servers = new java.util.ArrayList<>();
        try {
            while (true) {
                KeepingGreenMail server = new KeepingGreenMail(setup);
                servers.add(server);
                server.start();
                sleep(done.get() ? 0 : 700);
                server.stopKeepingMessages();
                if (done.get()) {
                    break;
                }
                outages.incrementAndGet();
                sleep(400);
            }
            // A session that was open when its server stopped may still have finished a message.
            for (KeepingGreenMail server : servers) {
                for (MimeMessage m : server.getReceivedMessages()) {
                    receivedIds.add(m.getMessageID());
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GreenMail forgets its messages when stopped; this one hands them over first. */
    static final class KeepingGreenMail extends GreenMail {
        KeepingGreenMail(ServerSetup setup) {
            super(setup);
        }

        synchronized void stopKeepingMessages() {
            Managers kept = managers;
            stop();
            managers = kept;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
