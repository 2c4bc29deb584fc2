package io.gcam.notification;

import io.gcam.notification.spi.AttachmentResolver;
import io.gcam.notification.spi.DeliveryException;
import io.gcam.notification.spi.NotificationChannel;
import jakarta.activation.DataHandler;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The email channel: sends notifications over SMTP with Jakarta Mail (Angus Mail).
 *
 * <pre>{@code
 * SmtpEmailChannel email = SmtpEmailChannel.builder()
 *         .host("smtp.agency.example").port(587).security(SmtpSecurity.STARTTLS)
 *         .credentials("notify", password)
 *         .from("no-reply@agency.example", "Public Service Agency")
 *         .build();
 * }</pre>
 *
 * <p>Guarantees:
 * <ul>
 *   <li>connection, read and write timeouts are always set (default 10, 30 and 30 seconds), so a
 *       server that accepts and never answers fails the attempt instead of blocking a worker;</li>
 *   <li>the Message-ID is {@code <notification-id@domain>}, the same on every attempt, so a
 *       repeated delivery can be recognised;</li>
 *   <li>the email carries {@code Content-Language}, a plain text part and, when the template has
 *       one, an HTML alternative, plus the attachments resolved by the {@link AttachmentResolver};</li>
 *   <li>SMTP 5xx replies and invalid addresses are permanent failures; 4xx replies, connection
 *       and timeout errors are transient.</li>
 * </ul>
 * Connections are kept open and reused between messages, at most {@code maxIdleConnections} of them.
 */
public final class SmtpEmailChannel implements NotificationChannel, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpEmailChannel.class);
    private static final long REVALIDATE_AFTER_MILLIS = 10_000;

    private final Session session;
    private final String protocol;
    private final @Nullable String user;
    private final @Nullable String password;
    private final InternetAddress from;
    private final String messageIdDomain;
    private final AttachmentResolver attachments;
    private final int maxIdleConnections;
    private final ConcurrentLinkedDeque<Pooled> idle = new ConcurrentLinkedDeque<>();

    private SmtpEmailChannel(Builder b) {
        Objects.requireNonNull(b.host, "host");
        Objects.requireNonNull(b.from, "from");
        this.protocol = b.security == SmtpSecurity.SMTPS ? "smtps" : "smtp";
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.setProperty("mail.transport.protocol", protocol);
        p.setProperty(prefix + "host", b.host);
        p.setProperty(prefix + "port", Integer.toString(b.port > 0 ? b.port : defaultPort(b.security)));
        p.setProperty(prefix + "connectiontimeout", Long.toString(b.connectTimeout.toMillis()));
        p.setProperty(prefix + "timeout", Long.toString(b.readTimeout.toMillis()));
        p.setProperty(prefix + "writetimeout", Long.toString(b.writeTimeout.toMillis()));
        p.setProperty(prefix + "auth", Boolean.toString(b.user != null));
        if (b.security == SmtpSecurity.STARTTLS) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if (b.security != SmtpSecurity.NONE) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        if (b.localHost != null) {
            p.setProperty(prefix + "localhost", b.localHost);
        }
        p.putAll(b.extra);
        this.session = Session.getInstance(p);
        this.user = b.user;
        this.password = b.password;
        this.from = b.from;
        String address = b.from.getAddress();
        this.messageIdDomain = b.messageIdDomain != null ? b.messageIdDomain : address.substring(address.indexOf('@') + 1);
        this.attachments = b.attachments;
        this.maxIdleConnections = b.maxIdleConnections;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    /**
     * The Message-ID every attempt of a notification carries.
     *
     * @param notificationId the notification id
     * @return {@code <notificationId@domain>}
     */
    public String messageId(String notificationId) {
        return "<" + notificationId + "@" + messageIdDomain + ">";
    }

    @Override
    public void deliver(Notification notification) {
        MimeMessage message;
        try {
            message = toMessage(notification);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw DeliveryException.permanentFailure("message could not be built: " + e.getClass().getSimpleName(), e);
        }
        Pooled pooled = null;
        try {
            pooled = borrow();
            pooled.transport.sendMessage(message, message.getAllRecipients());
            pooled.lastUsed = System.nanoTime();
            giveBack(pooled);
        } catch (MessagingException e) {
            if (pooled != null) {
                closeQuietly(pooled.transport);
            }
            throw classify(e);
        } catch (RuntimeException e) {
            if (pooled != null) {
                closeQuietly(pooled.transport);
            }
            throw e;
        }
    }

    private MimeMessage toMessage(Notification n) throws MessagingException, UnsupportedEncodingException {
        String messageId = messageId(n.id());
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(from);
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(n.recipient(), true));
        m.setSubject(n.subject() == null ? "" : n.subject(), StandardCharsets.UTF_8.name());
        m.setSentDate(Date.from(n.createdAt()));
        m.setHeader("Content-Language", n.locale().toLanguageTag());
        m.setHeader("X-GCAM-Template", n.templateId() + "; version=" + n.templateVersion());
        if (n.attachments().isEmpty()) {
            setBody(m, n);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            setBody(body, n);
            mixed.addBodyPart(body);
            for (String reference : n.attachments()) {
                AttachmentResolver.Attachment a = attachments.resolve(reference);
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
                part.setFileName(a.fileName());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            m.setContent(mixed);
        }
        m.saveChanges();
        return m;
    }

    private static void setBody(jakarta.mail.internet.MimePart part, Notification n) throws MessagingException {
        String html = n.html();
        if (html == null) {
            part.setText(n.text(), StandardCharsets.UTF_8.name(), "plain");
            return;
        }
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(n.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(textPart);
        alternative.addBodyPart(htmlPart);
        part.setContent(alternative);
    }

    private Pooled borrow() throws MessagingException {
        for (Pooled p = idle.pollFirst(); p != null; p = idle.pollFirst()) {
            if (System.nanoTime() - p.lastUsed < REVALIDATE_AFTER_MILLIS * 1_000_000L || p.transport.isConnected()) {
                return p;
            }
            closeQuietly(p.transport);
        }
        Transport transport = session.getTransport(protocol);
        try {
            if (user != null) {
                transport.connect(user, password);
            } else {
                transport.connect();
            }
        } catch (MessagingException | RuntimeException e) {
            closeQuietly(transport);
            throw e;
        }
        return new Pooled(transport);
    }

    private void giveBack(Pooled pooled) {
        if (idle.size() < maxIdleConnections) {
            idle.addFirst(pooled);
        } else {
            closeQuietly(pooled.transport);
        }
    }

    private static DeliveryException classify(MessagingException e) {
        int code = replyCode(e);
        if (code >= 500) {
            return DeliveryException.permanentFailure("SMTP " + code, e);
        }
        if (code >= 400) {
            return DeliveryException.transientFailure("SMTP " + code, e);
        }
        if (e instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null
                && sfe.getInvalidAddresses().length > 0 && sfe.getValidSentAddresses() == null) {
            return DeliveryException.permanentFailure("invalid address", e);
        }
        if (e instanceof AuthenticationFailedException) {
            LOG.error("SMTP authentication failed; check the configured credentials");
            return DeliveryException.transientFailure("SMTP authentication failed", e);
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return DeliveryException.transientFailure(cause.getClass().getSimpleName(), e);
    }

    private static int replyCode(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException me ? me.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (x instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
        }
        return -1;
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // already broken
        }
    }

    /** Closes the idle connections. The channel may still be used; it opens new ones. */
    @Override
    public void close() {
        for (Pooled p = idle.pollFirst(); p != null; p = idle.pollFirst()) {
            closeQuietly(p.transport);
        }
    }

    private static int defaultPort(SmtpSecurity security) {
        return switch (security) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case SMTPS -> 465;
        };
    }

    private static final class Pooled {
        final Transport transport;
        volatile long lastUsed = System.nanoTime();

        Pooled(Transport transport) {
            this.transport = transport;
        }
    }

    /** Builds a {@link SmtpEmailChannel}. */
    public static final class Builder {
        private @Nullable String host;
        private int port;
        private SmtpSecurity security = SmtpSecurity.STARTTLS;
        private @Nullable String user;
        private @Nullable String password;
        private @Nullable InternetAddress from;
        private @Nullable String messageIdDomain;
        private @Nullable String localHost;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private AttachmentResolver attachments = AttachmentResolver.NONE;
        private int maxIdleConnections = 4;
        private final Properties extra = new Properties();

        private Builder() {
        }

        /**
         * @param host the SMTP server
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * @param port the port; default 25, 587 or 465 by security
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1..65535");
            }
            this.port = port;
            return this;
        }

        /**
         * @param security the transport security; default STARTTLS (required)
         * @return this builder
         */
        public Builder security(SmtpSecurity security) {
            this.security = Objects.requireNonNull(security, "security");
            return this;
        }

        /**
         * @param user SMTP user name
         * @param password its password
         * @return this builder
         */
        public Builder credentials(String user, String password) {
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * @param address the sender address
         * @param personal the sender's display name, or null
         * @return this builder
         */
        public Builder from(String address, @Nullable String personal) {
            try {
                this.from = new InternetAddress(Addresses.requireEmail(address), personal, StandardCharsets.UTF_8.name());
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        /**
         * @param domain the right-hand side of Message-IDs; default: the sender's domain
         * @return this builder
         */
        public Builder messageIdDomain(String domain) {
            this.messageIdDomain = Objects.requireNonNull(domain, "domain");
            return this;
        }

        /**
         * @param name the name this host gives in EHLO; default: the local host name
         * @return this builder
         */
        public Builder localHost(String name) {
            this.localHost = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param timeout connection timeout, positive; default 10 seconds
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout);
            return this;
        }

        /**
         * @param timeout socket read timeout, positive; default 30 seconds
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout);
            return this;
        }

        /**
         * @param timeout socket write timeout, positive; default 30 seconds
         * @return this builder
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = positive(timeout);
            return this;
        }

        /**
         * @param resolver fetches attachment content; default: none (attachments fail)
         * @return this builder
         */
        public Builder attachments(AttachmentResolver resolver) {
            this.attachments = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * @param max open connections kept for reuse; default 4
         * @return this builder
         */
        public Builder maxIdleConnections(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("max idle connections must not be negative");
            }
            this.maxIdleConnections = max;
            return this;
        }

        /**
         * Sets a further Jakarta Mail session property (e.g. {@code mail.smtp.ssl.trust}). The
         * timeouts cannot be switched off this way: a zero or negative timeout is refused.
         *
         * @param name the property
         * @param value its value
         * @return this builder
         */
        public Builder property(String name, String value) {
            if (name.endsWith("timeout") && Long.parseLong(value) <= 0) {
                throw new IllegalArgumentException("SMTP timeouts must be positive: " + name);
            }
            extra.setProperty(name, value);
            return this;
        }

        private static Duration positive(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            return d;
        }

        /** @return the channel */
        public SmtpEmailChannel build() {
            return new SmtpEmailChannel(this);
        }
    }
}
