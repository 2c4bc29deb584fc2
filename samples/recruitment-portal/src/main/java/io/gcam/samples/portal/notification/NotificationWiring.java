package io.gcam.samples.portal.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.gcam.core.Actor;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.core.GcamLocales;
import io.gcam.core.LocalizedText;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.notification.InboxChannel;
import io.gcam.notification.NotificationRequest;
import io.gcam.notification.NotificationService;
import io.gcam.notification.NotificationTemplate;
import io.gcam.notification.NotificationTemplates;
import io.gcam.notification.NotificationWorker;
import io.gcam.notification.SmtpEmailChannel;
import io.gcam.notification.SmtpSecurity;
import io.gcam.notification.jdbc.JdbcInboxStore;
import io.gcam.notification.jdbc.JdbcOutboxStore;
import io.gcam.rest.notification.NotificationResources;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires gcam-notification into the portal. Demo mode starts an embedded GreenMail SMTP server and
 * shows what it received at {@code /dev/mail} and {@code GET /api/v1/dev/mail}. Production mode
 * sends over the SMTP server named by these environment variables:
 *
 * <ul>
 *   <li>{@code GCAM_SMTP_HOST} (no email is sent without it; notifications wait in the outbox)</li>
 *   <li>{@code GCAM_SMTP_PORT} (default by security: 25, 587, 465)</li>
 *   <li>{@code GCAM_SMTP_SECURITY}: {@code starttls} (default), {@code smtps} or {@code none}</li>
 *   <li>{@code GCAM_SMTP_USER}, {@code GCAM_SMTP_PASSWORD} (optional)</li>
 *   <li>{@code GCAM_SMTP_FROM} (default {@code no-reply@portal.gcam.example})</li>
 * </ul>
 */
public final class NotificationWiring implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationWiring.class);
    private static final String AGENCY = "SAFP";
    private static final String DEMO_MAIL_DOMAIN = "demo.gcam.example";

    static final NotificationTemplate WELCOME = NotificationTemplate.builder("portal-welcome")
            .version(1)
            .email(GcamLocales.ENGLISH, "Welcome to the recruitment portal, ((name))",
                    "Dear ((name)),\n\nyou signed in to the recruitment portal. This message comes from"
                            + " gcam-notification through the transactional outbox.",
                    "<p>Dear ((name)),</p><p>you signed in to the recruitment portal. This message comes from"
                            + " <b>gcam-notification</b> through the transactional outbox.</p>")
            .email(GcamLocales.TRADITIONAL_CHINESE, "((name))，歡迎使用招聘入口網站",
                    "((name)) 您好：\n\n您已登入招聘入口網站。", "<p>((name)) 您好：</p><p>您已登入招聘入口網站。</p>")
            .email(GcamLocales.PORTUGUESE, "Bem-vindo(a) ao portal de recrutamento, ((name))",
                    "Caro(a) ((name)),\n\niniciou sessão no portal de recrutamento.",
                    "<p>Caro(a) ((name)),</p><p>iniciou sessão no portal de recrutamento.</p>")
            .inApp(GcamLocales.ENGLISH, "Welcome, ((name))! You signed in to the recruitment portal.")
            .inApp(GcamLocales.TRADITIONAL_CHINESE, "((name))，歡迎！您已登入招聘入口網站。")
            .inApp(GcamLocales.PORTUGUESE, "Bem-vindo(a), ((name))! Iniciou sessão no portal de recrutamento.")
            .build();

    private final NotificationService service;
    private final NotificationTemplates templates;
    private final NotificationWorker worker;
    private final @Nullable GreenMail mailbox;
    private final @Nullable SmtpEmailChannel email;

    private NotificationWiring(NotificationService service, NotificationTemplates templates, NotificationWorker worker,
            @Nullable GreenMail mailbox, @Nullable SmtpEmailChannel email) {
        this.service = service;
        this.templates = templates;
        this.worker = worker;
        this.mailbox = mailbox;
        this.email = email;
    }

    /**
     * Migrates the notification tables, starts the mail server (demo) and the delivery worker.
     *
     * @param demo whether the portal runs in demo mode
     * @param env environment variables (SMTP settings in production mode)
     * @param tx the portal's transactions
     * @param clock the clock
     * @return the wiring; close it when the portal stops
     */
    public static NotificationWiring start(boolean demo, Map<String, String> env, LocalTransactions tx, Clock clock) {
        Migrations.migrate(tx.dataSource(), "notification");
        JdbcOutboxStore outbox = JdbcOutboxStore.create(tx.dataSource());
        JdbcInboxStore inbox = JdbcInboxStore.create(tx.dataSource());
        NotificationTemplates templates = NotificationTemplates.of(WELCOME);
        NotificationService service = NotificationService.builder()
                .store(outbox).inbox(inbox).templates(templates)
                .transactions(tx).clock(clock).build();
        GreenMail mailbox = null;
        SmtpEmailChannel email;
        if (demo) {
            mailbox = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            mailbox.start();
            email = SmtpEmailChannel.builder().host("127.0.0.1").port(mailbox.getSmtp().getPort())
                    .security(SmtpSecurity.NONE).from("no-reply@portal.gcam.example", "GCAM Recruitment Portal").build();
            LOG.info("Demo mailbox (GreenMail) listening on SMTP port {}; see /dev/mail", mailbox.getSmtp().getPort());
        } else {
            email = productionSmtp(env);
        }
        NotificationWorker.Builder worker = NotificationWorker.builder().store(outbox).clock(clock)
                .channel(InboxChannel.over(inbox)).pollInterval(Duration.ofMillis(500));
        if (email != null) {
            worker.channel(email);
        }
        return new NotificationWiring(service, templates, worker.build().start(), mailbox, email);
    }

    /**
     * Lets another part of the portal send its own notifications (e.g. login codes).
     *
     * @param template a template to register first
     * @return the notification service
     */
    public NotificationService serviceWith(NotificationTemplate template) {
        templates.register(template);
        return service;
    }

    private static @Nullable SmtpEmailChannel productionSmtp(Map<String, String> env) {
        String host = env.get("GCAM_SMTP_HOST");
        if (host == null || host.isBlank()) {
            LOG.warn("GCAM_SMTP_HOST is not set: emails wait in the outbox until an SMTP server is configured");
            return null;
        }
        SmtpEmailChannel.Builder b = SmtpEmailChannel.builder().host(host.trim());
        String security = env.getOrDefault("GCAM_SMTP_SECURITY", "starttls").trim().toUpperCase(Locale.ROOT);
        try {
            b.security(SmtpSecurity.valueOf(security));
            if (env.get("GCAM_SMTP_PORT") != null) {
                b.port(Integer.parseInt(env.get("GCAM_SMTP_PORT").trim()));
            }
        } catch (IllegalArgumentException e) {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, e,
                    "GCAM_SMTP_SECURITY must be starttls, smtps or none and GCAM_SMTP_PORT a port number");
        }
        if (env.get("GCAM_SMTP_USER") != null) {
            b.credentials(env.get("GCAM_SMTP_USER"), env.getOrDefault("GCAM_SMTP_PASSWORD", ""));
        }
        b.from(env.getOrDefault("GCAM_SMTP_FROM", "no-reply@portal.gcam.example"), "GCAM Recruitment Portal");
        return b.build();
    }

    /**
     * Registers gcam-rest's notification resources and, in demo mode, the demo mailbox.
     *
     * @param config the portal's resource configuration
     */
    public void register(ResourceConfig config) {
        config.registerInstances(NotificationResources.create(service));
        if (mailbox != null) {
            config.register(new DevMailApi(mailbox)).register(new DevMailPage(mailbox));
        }
    }

    /**
     * Sends the welcome notification of a demo user who just signed in: by email, and to the
     * in-app inbox of an applicant.
     *
     * @param username the demo user name, e.g. {@code applicant1}
     * @param actor the user
     */
    public void welcome(String username, Actor actor) {
        Actor system = Actor.system("portal-dev-login");
        service.send(system, NotificationRequest.builder(WELCOME.id()).toEmail(username + "@" + DEMO_MAIL_DOMAIN)
                .value("name", username).reference(username).agency(AGENCY).build());
        if (actor.isApplicant()) {
            service.send(system, NotificationRequest.builder(WELCOME.id()).toSubject(actor.subjectId())
                    .channel(io.gcam.notification.Channel.IN_APP).value("name", username).reference(username)
                    .agency(AGENCY).build());
        }
    }

    @Override
    public void close() {
        worker.close();
        if (email != null) {
            email.close();
        }
        if (mailbox != null) {
            mailbox.stop();
        }
    }

    /**
     * One received message in the demo mailbox.
     *
     * @param messageId the Message-ID
     * @param to the recipients
     * @param subject the subject
     * @param language the Content-Language
     * @param receivedAt when GreenMail received it
     */
    public record MailView(String messageId, String to, String subject, @Nullable String language,
            @Nullable Instant receivedAt) {
    }

    /**
     * The demo mailbox's two views, served by {@link DevMailApi} and {@link DevMailPage}. Each of
     * those claims its own full path: a root resource on {@code /} would shadow others.
     */
    static final class DevMailResource {
        private static final LocalizedText MAILBOX = LocalizedText.of("Demo mailbox", "示範郵箱",
                "Caixa de correio de demonstração");
        private static final LocalizedText INTRO = LocalizedText.of(
                "Emails the portal sent to the embedded GreenMail server (demo mode only), newest first.",
                "入口網站發送至內置 GreenMail 郵件伺服器的電郵（只限示範模式），最新的排在前面。",
                "Emails que o portal enviou para o servidor GreenMail incorporado (só no modo de demonstração),"
                        + " os mais recentes primeiro.");
        private static final LocalizedText LANGUAGE = LocalizedText.of("Language", "語言", "Idioma");
        private static final LocalizedText TO = LocalizedText.of("To", "收件人", "Para");
        private static final LocalizedText SUBJECT = LocalizedText.of("Subject", "主旨", "Assunto");
        private static final LocalizedText TEXT = LocalizedText.of("Text", "內容", "Texto");

        private final GreenMail mailbox;

        DevMailResource(GreenMail mailbox) {
            this.mailbox = mailbox;
        }

        /** @return the received messages, newest first */
        List<MailView> json() {
            List<MailView> views = new ArrayList<>();
            for (MimeMessage m : mailbox.getReceivedMessages()) {
                try {
                    String[] language = m.getHeader("Content-Language");
                    views.add(new MailView(m.getMessageID(), String.join(", ",
                            java.util.Arrays.stream(m.getAllRecipients()).map(Object::toString).toList()),
                            m.getSubject(), language == null ? null : language[0],
                            m.getReceivedDate() == null ? null : m.getReceivedDate().toInstant()));
                } catch (MessagingException e) {
                    LOG.warn("demo mailbox: cannot read a message", e);
                }
            }
            java.util.Collections.reverse(views);
            return views;
        }

        /**
         * @param locale the language of the page's own texts (each message keeps its own language)
         * @return the mailbox as a page
         */
        String html(Locale locale) {
            StringBuilder rows = new StringBuilder();
            MimeMessage[] messages = mailbox.getReceivedMessages();
            for (int i = messages.length - 1; i >= 0; i--) {
                MimeMessage m = messages[i];
                try {
                    String[] language = m.getHeader("Content-Language");
                    String lang = language == null ? "" : " lang=\"" + esc(language[0]) + "\"";
                    rows.append("<tr><td>").append(esc(String.valueOf(m.getAllRecipients()[0]))).append("</td><td")
                            .append(lang).append(">").append(esc(m.getSubject())).append("</td><td").append(lang)
                            .append("><pre>").append(esc(text(m))).append("</pre></td><td><code>")
                            .append(esc(m.getMessageID())).append("</code></td></tr>");
                } catch (MessagingException | IOException e) {
                    LOG.warn("demo mailbox: cannot read a message", e);
                }
            }
            String tag = locale.toLanguageTag();
            StringBuilder nav = new StringBuilder();
            for (String[] l : new String[][] {{"en", "English"}, {"zh-Hant", "繁體中文"}, {"pt", "Português"}}) {
                nav.append("<a href=\"/dev/mail?lang=").append(l[0]).append("\" lang=\"").append(l[0]).append("\"")
                        .append(l[0].equals(tag) ? " aria-current=\"page\"" : "").append(">").append(l[1]).append("</a> ");
            }
            return "<!doctype html><html lang=\"" + tag + "\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                    + esc(MAILBOX.in(locale)) + "</title><style>body{font-family:system-ui,sans-serif;margin:1rem;"
                    + "color:#1b1b1b;background:#fff;overflow-wrap:anywhere}pre{white-space:pre-wrap}"
                    + "table{border-collapse:collapse}th,td{border:1px solid #767676;padding:.25rem .5rem;"
                    + "vertical-align:top;text-align:left}</style></head><body><nav aria-label=\""
                    + esc(LANGUAGE.in(locale)) + "\">" + nav + "</nav><main><h1>" + esc(MAILBOX.in(locale))
                    + "</h1><p>" + esc(INTRO.in(locale)) + "</p><table id=\"mail\"><thead><tr><th scope=\"col\">"
                    + esc(TO.in(locale)) + "</th><th scope=\"col\">" + esc(SUBJECT.in(locale))
                    + "</th><th scope=\"col\">" + esc(TEXT.in(locale)) + "</th><th scope=\"col\">Message-ID</th>"
                    + "</tr></thead><tbody>" + rows + "</tbody></table></main></body></html>";
        }

        private static String text(jakarta.mail.Part part) throws MessagingException, IOException {
            Object content = part.getContent();
            if (content instanceof String s) {
                return part.isMimeType("text/plain") ? s : "";
            }
            if (content instanceof jakarta.mail.Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    String t = text(mp.getBodyPart(i));
                    if (!t.isEmpty()) {
                        return t;
                    }
                }
            }
            return "";
        }

        private static String esc(@Nullable String s) {
            if (s == null) {
                return "";
            }
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                    .replace("'", "&#39;");
        }
    }

    /** {@code GET /api/v1/dev/mail}: the demo mailbox as JSON. */
    @Path("/api/v1/dev/mail")
    public static final class DevMailApi {
        private final DevMailResource mailbox;

        DevMailApi(GreenMail mailbox) {
            this.mailbox = new DevMailResource(mailbox);
        }

        /** @return the received messages, newest first */
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public List<MailView> json() {
            return mailbox.json();
        }
    }

    /** {@code GET /dev/mail}: the demo mailbox as a page. */
    @Path("/dev/mail")
    public static final class DevMailPage {
        private final DevMailResource mailbox;

        DevMailPage(GreenMail mailbox) {
            this.mailbox = new DevMailResource(mailbox);
        }

        /**
         * @param lang {@code en}, {@code zh-Hant} or {@code pt}; else {@code Accept-Language}
         * @param headers the request headers
         * @return the mailbox as a page
         */
        @GET
        @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
        public String html(@QueryParam("lang") @Nullable String lang, @Context HttpHeaders headers) {
            return mailbox.html(lang != null && !lang.isBlank() ? GcamLocales.resolve(Locale.forLanguageTag(lang))
                    : GcamLocales.resolve(headers.getAcceptableLanguages()));
        }
    }
}
