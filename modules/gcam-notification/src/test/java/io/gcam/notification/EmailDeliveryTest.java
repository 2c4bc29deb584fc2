package io.gcam.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.gcam.core.Actor;
import io.gcam.core.GcamLocales;
import io.gcam.notification.spi.AttachmentResolver;
import io.gcam.notification.spi.DeliveryException;
import io.gcam.testsupport.db.TestDatabases;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Email over real SMTP (GreenMail) through the outbox on H2. */
class EmailDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    static final Actor STAFF = OutboxDeliveryTest.STAFF;

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    Outbox outbox;
    NotificationService service;

    @BeforeEach
    void open() {
        outbox = new Outbox(TestDatabases.h2(), 4);
        service = NotificationService.builder()
                .store(outbox.store)
                .templates(NotificationTemplates.of(Outbox.WELCOME))
                .transactions(outbox.tx)
                .clock(clock)
                .build();
    }

    @AfterEach
    void close() {
        outbox.close();
    }

    static SmtpEmailChannel.Builder smtp(int port) {
        return SmtpEmailChannel.builder()
                .host("127.0.0.1").port(port).security(SmtpSecurity.NONE)
                .from("no-reply@agency.example", "Public Service Agency")
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(2))
                .writeTimeout(Duration.ofSeconds(2));
    }

    NotificationWorker worker(SmtpEmailChannel channel) {
        return NotificationWorker.builder().store(outbox.store).clock(clock).channel(channel)
                .retry(new RetryPolicy(3, Duration.ofSeconds(30), Duration.ofMinutes(10), 0.2))
                .lease(Duration.ofMinutes(1))
                .build();
    }

    @Test
    void deliversTheLanguageSubjectTextHtmlAttachmentAndMessageId() throws Exception {
        byte[] pdf = "%PDF-1.7 receipt".getBytes(StandardCharsets.US_ASCII);
        AttachmentResolver documents = reference -> {
            if (!reference.equals("doc-42")) {
                throw DeliveryException.permanentFailure("no such document", null);
            }
            return new AttachmentResolver.Attachment("receipt.pdf", "application/pdf", pdf);
        };
        try (SmtpEmailChannel email = smtp(GREEN_MAIL.getSmtp().getPort()).attachments(documents).build()) {
            Notification sent = service.send(STAFF, NotificationRequest.builder("welcome")
                    .toEmail("chan@example.org").locale(GcamLocales.TRADITIONAL_CHINESE)
                    .value("name", "陳<大文>").reference("REG-1").agency("SAFP").attach("doc-42").build());

            worker(email).drain();

            MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
            assertThat(received).hasSize(1);
            MimeMessage m = received[0];
            assertThat(m.getMessageID()).isEqualTo("<" + sent.id() + "@agency.example>")
                    .isEqualTo(email.messageId(sent.id()));
            assertThat(m.getSubject()).isEqualTo("歡迎，陳<大文>");
            assertThat(m.getHeader("Content-Language")).containsExactly("zh-Hant");
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("chan@example.org");
            List<Part> leaves = new ArrayList<>();
            collect(m, leaves);
            assertThat(leaves).extracting(p -> p.getContentType().split(";")[0].trim().toLowerCase())
                    .containsExactly("text/plain", "text/html", "application/pdf");
            assertThat((String) leaves.get(0).getContent()).isEqualTo("陳<大文> 您好，歡迎。");
            assertThat((String) leaves.get(1).getContent()).isEqualTo("<p>陳&lt;大文&gt; 您好，歡迎。</p>");
            assertThat(leaves.get(2).getFileName()).isEqualTo("receipt.pdf");
            try (InputStream in = leaves.get(2).getInputStream()) {
                assertThat(in.readAllBytes()).isEqualTo(pdf);
            }
            assertThat(service.get(STAFF, sent.id()).status()).isEqualTo(NotificationStatus.DELIVERED);
        }
    }

    @Test
    void sendsNothingForARolledBackTransactionAndExactlyOneEmailForACommittedOne() throws Exception {
        try (SmtpEmailChannel email = smtp(GREEN_MAIL.getSmtp().getPort()).build()) {
            assertThatThrownBy(() -> outbox.tx.inTransaction(() -> {
                service.send(STAFF, NotificationRequest.builder("welcome").toEmail("a@example.org")
                        .value("name", "Rolled Back").agency("SAFP").build());
                throw new IllegalStateException("business step failed");
            })).isInstanceOf(IllegalStateException.class);
            worker(email).drain();
            assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();

            outbox.tx.inTransaction(() -> service.send(STAFF, NotificationRequest.builder("welcome")
                    .toEmail("a@example.org").value("name", "Committed").agency("SAFP").build()));
            worker(email).drain();
            worker(email).drain();

            MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).isEqualTo("Welcome, Committed");
        }
    }

    @Test
    void refusedRecipientIsAPermanentFailure() {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.refusing("550 5.1.1 mailbox unavailable");
                SmtpEmailChannel email = smtp(server.port()).build()) {
            Notification sent = service.send(STAFF, NotificationRequest.builder("welcome").toEmail("gone@example.org")
                    .value("name", "x").agency("SAFP").build());

            worker(email).drain();

            Notification n = service.get(STAFF, sent.id());
            assertThat(n.status()).isEqualTo(NotificationStatus.PERMANENT_FAILURE);
            assertThat(n.lastError()).contains("SMTP 550");
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // guards against a hang; not a speed claim
    void failsWithinTheTimeoutWhenTheServerNeverAnswersAndRetriesLater() throws Exception {
        Notification sent;
        try (ScriptedSmtpServer silent = ScriptedSmtpServer.silent();
                SmtpEmailChannel email = smtp(silent.port()).build()) {
            sent = service.send(STAFF, NotificationRequest.builder("welcome").toEmail("b@example.org")
                    .value("name", "Patient").agency("SAFP").build());

            assertThat(worker(email).runOnce()).isEqualTo(1);

            assertThat(silent.accepted()).isGreaterThanOrEqualTo(1);
            Notification n = service.get(STAFF, sent.id());
            assertThat(n.status()).isEqualTo(NotificationStatus.TEMPORARY_FAILURE);
            assertThat(n.lastError()).contains("DELIVERY_FAILED_TRANSIENT");
            assertThat(n.nextAttemptAt()).isAfter(clock.instant());
        }
        clock.advance(Duration.ofMinutes(1));
        try (SmtpEmailChannel email = smtp(GREEN_MAIL.getSmtp().getPort()).build()) {
            worker(email).drain();
        }
        assertThat(service.get(STAFF, sent.id()).status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(service.get(STAFF, sent.id()).attempts()).isEqualTo(2);
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void refusesToSwitchTheTimeoutsOff() {
        assertThatThrownBy(() -> SmtpEmailChannel.builder().readTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpEmailChannel.builder().property("mail.smtp.timeout", "0"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static void collect(Part part, List<Part> leaves) throws Exception {
        if (part.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                collect(child, leaves);
            }
        } else {
            leaves.add(part);
        }
    }

    /** A TCP server that either never answers, or answers SMTP and refuses every recipient. */
    static final class ScriptedSmtpServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> clients = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread acceptor;
        private volatile int accepted;

        private ScriptedSmtpServer(String rcptReply) throws IOException {
            socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        accepted++;
                        clients.add(client);
                        if (rcptReply != null) {
                            Thread t = new Thread(() -> converse(client, rcptReply));
                            t.setDaemon(true);
                            t.start();
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        static ScriptedSmtpServer silent() {
            try {
                return new ScriptedSmtpServer(null);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static ScriptedSmtpServer refusing(String rcptReply) {
            try {
                return new ScriptedSmtpServer(rcptReply);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void converse(Socket client, String rcptReply) {
            try (client; var in = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(),
                    StandardCharsets.US_ASCII)); var out = client.getOutputStream()) {
                out.write("220 scripted ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                    String reply = switch (verb) {
                        case "EHLO", "HELO" -> "250 scripted";
                        case "MAIL" -> "250 OK";
                        case "RCPT" -> rcptReply;
                        case "QUIT" -> "221 bye";
                        case "NOOP" -> "250 OK";
                        default -> "503 bad sequence";
                    };
                    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    if (verb.equals("QUIT")) {
                        return;
                    }
                }
            } catch (IOException ignored) {
                // client went away
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return accepted;
        }

        @Override
        public void close() {
            try {
                socket.close();
                for (Socket c : clients) {
                    c.close();
                }
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
