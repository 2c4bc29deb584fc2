package io.gcam.samples.portal.identity;

import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.ConfiguredKeyProvider;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.FieldCipher;
import io.gcam.core.GcamException;
import io.gcam.core.GcamLocales;
import io.gcam.core.LocalizedText;
import io.gcam.core.ValidationException;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.identity.AssuranceLevel;
import io.gcam.identity.CodeChallenge;
import io.gcam.identity.CodeChannel;
import io.gcam.identity.IdentityLinks;
import io.gcam.identity.OidcClaimMapping;
import io.gcam.identity.OidcIdTokenVerifier;
import io.gcam.identity.OneTimeCodeService;
import io.gcam.identity.VerifiedIdentity;
import io.gcam.identity.jdbc.JdbcOneTimeCodeStore;
import io.gcam.identity.jdbc.JdbcVerificationStore;
import io.gcam.identity.spi.CodeSender;
import io.gcam.notification.Addresses;
import io.gcam.notification.NotificationRequest;
import io.gcam.notification.NotificationService;
import io.gcam.notification.NotificationTemplate;
import io.gcam.rest.identity.IdentityResources;
import io.gcam.samples.portal.notification.NotificationWiring;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.glassfish.jersey.server.ResourceConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with gcam-identity. Two ways, both ending in a portal session (bearer token):
 *
 * <ul>
 *   <li>One-time code by email ({@code POST /api/v1/login/email/code}, then
 *       {@code POST /api/v1/login/email/verify}): the code goes out through gcam-notification (in demo
 *       mode it appears in the demo mailbox at {@code /dev/mail}); the portal logs only a masked
 *       notice. Gives assurance level LOW with the email verified.</li>
 *   <li>OpenID Connect ID token from a government eID ({@code POST /api/v1/login/oidc/start} for a
 *       nonce, then {@code POST /api/v1/login/oidc} with the ID token), when configured by
 *       environment variables: {@code GCAM_OIDC_ISSUER}, {@code GCAM_OIDC_CLIENT_ID},
 *       {@code GCAM_OIDC_JWKS_URI} (all three required to enable it) and optionally
 *       {@code GCAM_OIDC_AUTHORIZATION_URI} and {@code GCAM_OIDC_REDIRECT_URI} (to build the
 *       provider's sign-in link for {@code response_type=id_token}).</li>
 * </ul>
 *
 * <p>Each verification is linked to the person ({@link IdentityLinks}), so the profile can be created
 * from the strongest one, and {@code GET /api/v1/me/identity} shows it. Verified attributes are
 * encrypted with the key in {@code GCAM_IDENTITY_KEY} (Base64, 32 bytes; demo mode uses a fixed
 * demo key when unset; in production mode sign-in is disabled, with a warning, until it is set).
 */
public final class IdentityWiring {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityWiring.class);
    private static final String AGENCY = "SAFP";
    private static final Duration NONCE_LIFETIME = Duration.ofMinutes(10);

    /** The email with a sign-in code. */
    static final NotificationTemplate LOGIN_CODE = NotificationTemplate.builder("portal-login-code")
            .version(1)
            .email(GcamLocales.ENGLISH, "Your sign-in code: ((code))",
                    "Your code to sign in to the recruitment portal is ((code)). It works until ((expires)) (Macao"
                            + " time). If you did not ask for it, ignore this email.",
                    "<p>Your code to sign in to the recruitment portal is <b>((code))</b>. It works until ((expires))"
                            + " (Macao time).</p><p>If you did not ask for it, ignore this email.</p>")
            .email(GcamLocales.TRADITIONAL_CHINESE, "您的登入驗證碼：((code))",
                    "您登入招聘入口網站的驗證碼是 ((code))，有效至 ((expires))（澳門時間）。如非您本人申請，請忽略本郵件。",
                    "<p>您登入招聘入口網站的驗證碼是 <b>((code))</b>，有效至 ((expires))（澳門時間）。</p>"
                            + "<p>如非您本人申請，請忽略本郵件。</p>")
            .email(GcamLocales.PORTUGUESE, "O seu código de acesso: ((code))",
                    "O seu código para entrar no portal de recrutamento é ((code)). É válido até ((expires)) (hora de"
                            + " Macau). Se não o pediu, ignore este email.",
                    "<p>O seu código para entrar no portal de recrutamento é <b>((code))</b>. É válido até ((expires))"
                            + " (hora de Macau).</p><p>Se não o pediu, ignore este email.</p>")
            .build();

    /** Starts a portal session for an applicant who proved who they are. */
    @FunctionalInterface
    public interface SessionStarter {
        /**
         * @param username the portal account name (created if new)
         * @param subjectId the applicant's subject id
         * @return the new session
         */
        Session start(String username, String subjectId);
    }

    /**
     * A portal session.
     *
     * @param token the bearer token
     * @param expiresAt when it stops working
     */
    public record Session(String token, Instant expiresAt) {
    }

    private final IdentityLinks links;

    private IdentityWiring(IdentityLinks links) {
        this.links = links;
    }

    /**
     * Migrates the identity tables and registers the sign-in and identity resources.
     *
     * @param config the portal's resource configuration
     * @param tx the portal's transactions
     * @param clock the clock
     * @param env environment variables (OIDC and key settings)
     * @param demo whether the portal runs in demo mode
     * @param notifications sends the code emails (gcam-notification)
     * @param sessions starts a portal session after a successful sign-in
     * @return the wiring, whose {@link #links()} the profile wiring uses; {@code null} when sign-in is
     *     disabled (production mode without {@code GCAM_IDENTITY_KEY})
     */
    public static @Nullable IdentityWiring register(ResourceConfig config, LocalTransactions tx, Clock clock,
            Map<String, String> env, boolean demo, NotificationWiring notifications, SessionStarter sessions) {
        byte[] identityKey = key(env, "GCAM_IDENTITY_KEY", demo);
        if (identityKey == null) {
            LOG.warn("GCAM_IDENTITY_KEY is not set: sign-in by email code or eID, and with it the profile, is disabled;"
                    + " set it to 32 random bytes in Base64 (e.g. openssl rand -base64 32)");
            return null;
        }
        NotificationService mail = notifications.serviceWith(LOGIN_CODE);
        DataSource ds = tx.dataSource();
        Migrations.migrate(ds, "identity");
        AuditTrail audit = AuditTrail.builder().store(new JdbcAuditStore(ds)).clock(clock).build();
        FieldCipher cipher = FieldCipher.create(ConfiguredKeyProvider.of("identity-1",
                Map.of("identity-1", identityKey)));
        IdentityLinks links = IdentityLinks.builder().store(JdbcVerificationStore.create(ds)).cipher(cipher)
                .clock(clock).audit(audit).transactions(tx).build();
        OneTimeCodeService codes = OneTimeCodeService.builder().store(JdbcOneTimeCodeStore.create(ds))
                .sender(new EmailCodeSender(mail)).clock(clock).audit(audit).transactions(tx).build();
        config.register(new EmailLogin(codes, links, sessions));
        OidcIdTokenVerifier oidc = oidc(env, clock, audit);
        config.register(new OidcLogin(oidc, links, sessions, clock, env));
        config.registerInstances(IdentityResources.create(links));
        LOG.info("Sign-in: one-time code by email{}", oidc == null ? "; OpenID Connect not configured (GCAM_OIDC_*)"
                : " and OpenID Connect (" + env.get("GCAM_OIDC_ISSUER") + ")");
        return new IdentityWiring(links);
    }

    /** @return where each person's verifications are linked */
    public IdentityLinks links() {
        return links;
    }

    /** The key named {@code name}; in demo mode a fixed demo key when unset, else {@code null} when unset. */
    static byte @Nullable [] key(Map<String, String> env, String name, boolean demo) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            if (!demo) {
                return null;
            }
            return sha256(("gcam-portal-demo-key:" + name).getBytes(StandardCharsets.UTF_8)); // demo only
        }
        try {
            byte[] key = Base64.getDecoder().decode(value.trim());
            if (key.length != 32) {
                throw new IllegalArgumentException("length");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, e,
                    name + " must be 32 bytes in Base64 (e.g. openssl rand -base64 32)");
        }
    }

    private static @Nullable OidcIdTokenVerifier oidc(Map<String, String> env, Clock clock, AuditTrail audit) {
        String issuer = env.get("GCAM_OIDC_ISSUER");
        String clientId = env.get("GCAM_OIDC_CLIENT_ID");
        String jwks = env.get("GCAM_OIDC_JWKS_URI");
        if (issuer == null || clientId == null || jwks == null) {
            return null;
        }
        try {
            return OidcIdTokenVerifier.builder().issuer(issuer.trim()).clientId(clientId.trim())
                    .jwksUri(URI.create(jwks.trim())).clock(clock).audit(audit)
                    .claimMapping(OidcClaimMapping.builder()
                            .acr(env.getOrDefault("GCAM_OIDC_ACR_HIGH", "high"), AssuranceLevel.HIGH)
                            .acr(env.getOrDefault("GCAM_OIDC_ACR_SUBSTANTIAL", "substantial"), AssuranceLevel.SUBSTANTIAL)
                            .build())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, e,
                    "GCAM_OIDC_JWKS_URI must be an absolute https URL and GCAM_OIDC_ISSUER / GCAM_OIDC_CLIENT_ID non-blank");
        }
    }

    static String hashed(String prefix, String value) {
        return prefix + HexFormat.of().formatHex(sha256(value.getBytes(StandardCharsets.UTF_8))).substring(0, 24);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw ValidationException.of(field, LocalizedText.of("Fill in this field.", "請填寫此欄。",
                    "Preencha este campo."));
        }
        return value.trim();
    }

    /** Sends codes as emails through gcam-notification; logs only a masked notice. */
    static final class EmailCodeSender implements CodeSender {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(ZoneId.of("Asia/Macau"));
        private final NotificationService mail;

        EmailCodeSender(NotificationService mail) {
            this.mail = mail;
        }

        @Override
        public void send(CodeChannel channel, String destination, String code, Instant expiresAt, Locale locale) {
            mail.send(Actor.system("portal-login"), NotificationRequest.builder(LOGIN_CODE.id()).toEmail(destination)
                    .locale(GcamLocales.resolve(locale)).value("code", code).value("expires", TIME.format(expiresAt))
                    .agency(AGENCY).build());
            LOG.info("Sign-in code sent to {} (demo mode: see /dev/mail)", Addresses.mask(destination));
        }
    }

    /**
     * The body of {@code POST /api/v1/login/email/code}.
     *
     * @param email the address to send the code to
     * @param language {@code en}, {@code zh-Hant} or {@code pt} (optional)
     */
    public record CodeRequest(@Nullable String email, @Nullable String language) {
    }

    /**
     * The body of {@code POST /api/v1/login/email/verify}.
     *
     * @param challengeId from the code request's answer
     * @param email the same address
     * @param code the code from the email
     */
    public record CodeAnswer(@Nullable String challengeId, @Nullable String email, @Nullable String code) {
    }

    /**
     * The answer to a code request.
     *
     * @param challengeId send it back with the code
     * @param sentTo the masked address
     * @param expiresAt until when the code works
     */
    public record CodeSent(String challengeId, String sentTo, Instant expiresAt) {
    }

    /** {@code /api/v1/login/email}: sign-in with a one-time code by email. */
    @Path("/api/v1/login/email")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class EmailLogin {
        private final OneTimeCodeService codes;
        private final IdentityLinks links;
        private final SessionStarter sessions;

        EmailLogin(OneTimeCodeService codes, IdentityLinks links, SessionStarter sessions) {
            this.codes = codes;
            this.links = links;
            this.sessions = sessions;
        }

        /**
         * @param body the address and language
         * @return the challenge
         */
        @POST
        @Path("code")
        @Consumes(MediaType.APPLICATION_JSON)
        public CodeSent code(CodeRequest body) {
            String email = Addresses.requireEmail(required(body.email(), "email"));
            Locale locale = GcamLocales.resolve(Locale.forLanguageTag(body.language() == null ? "en" : body.language()));
            CodeChallenge challenge = codes.issue(Actor.system("portal-login"), subjectOf(email), CodeChannel.EMAIL,
                    email, locale);
            return new CodeSent(challenge.challengeId(), challenge.maskedDestination(), challenge.expiresAt());
        }

        /**
         * @param body the challenge, address and code
         * @return a portal session
         */
        @POST
        @Path("verify")
        @Consumes(MediaType.APPLICATION_JSON)
        public Session verify(CodeAnswer body) {
            String email = required(body.email(), "email");
            Actor login = Actor.system("portal-login");
            VerifiedIdentity identity = codes.verify(login, required(body.challengeId(), "challengeId"), body.code(),
                    email);
            links.link(login, identity.subjectId(), identity);
            return sessions.start(identity.subjectId(), identity.subjectId());
        }

        private static String subjectOf(String email) {
            return hashed("email-", email.trim().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * The answer to {@code POST /api/v1/login/oidc/start}.
     *
     * @param enabled whether OpenID Connect is configured
     * @param nonce the nonce to put in the authentication request ({@code null} when disabled)
     * @param authorizationUrl the provider's sign-in link, when configured
     */
    public record OidcStart(boolean enabled, @Nullable String nonce, @Nullable String authorizationUrl) {
    }

    /**
     * The body of {@code POST /api/v1/login/oidc}.
     *
     * @param idToken the ID token the provider returned
     * @param nonce the nonce from {@code start}
     */
    public record OidcAnswer(@Nullable String idToken, @Nullable String nonce) {
    }

    /** {@code /api/v1/login/oidc}: sign-in with an eID's ID token. */
    @Path("/api/v1/login/oidc")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class OidcLogin {
        private final @Nullable OidcIdTokenVerifier verifier;
        private final IdentityLinks links;
        private final SessionStarter sessions;
        private final Clock clock;
        private final Map<String, String> env;
        private final SecureRandom random = new SecureRandom();
        // Sample simplification: issued nonces are kept in this instance's memory (single-instance portal).
        private final Map<String, Instant> nonces = new LinkedHashMap<>();

        OidcLogin(@Nullable OidcIdTokenVerifier verifier, IdentityLinks links, SessionStarter sessions, Clock clock,
                Map<String, String> env) {
            this.verifier = verifier;
            this.links = links;
            this.sessions = sessions;
            this.clock = clock;
            this.env = env;
        }

        /** @return a nonce and, when configured, the provider's sign-in link */
        @POST
        @Path("start")
        public OidcStart start() {
            if (verifier == null) {
                return new OidcStart(false, null, null);
            }
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            synchronized (nonces) {
                purge();
                nonces.put(nonce, clock.instant().plus(NONCE_LIFETIME));
            }
            String authorize = env.get("GCAM_OIDC_AUTHORIZATION_URI");
            String redirect = env.get("GCAM_OIDC_REDIRECT_URI");
            String url = authorize == null || redirect == null ? null : authorize.trim()
                    + "?response_type=id_token&scope=openid&client_id=" + encode(env.get("GCAM_OIDC_CLIENT_ID"))
                    + "&redirect_uri=" + encode(redirect) + "&nonce=" + nonce;
            return new OidcStart(true, nonce, url);
        }

        /**
         * @param body the ID token and nonce
         * @return a portal session
         */
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public Session login(OidcAnswer body) {
            OidcIdTokenVerifier oidc = verifier;
            if (oidc == null) {
                throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID,
                        "OpenID Connect sign-in is not configured (GCAM_OIDC_ISSUER, GCAM_OIDC_CLIENT_ID, GCAM_OIDC_JWKS_URI)");
            }
            String nonce = required(body.nonce(), "nonce");
            boolean issued;
            synchronized (nonces) {
                purge();
                issued = nonces.remove(nonce) != null;
            }
            if (!issued) {
                throw ValidationException.of("nonce", LocalizedText.of("Start the sign-in again.",
                        "請重新開始登入。", "Recomece a entrada."));
            }
            Actor login = Actor.system("portal-login");
            VerifiedIdentity identity = oidc.verify(login, required(body.idToken(), "idToken"), nonce);
            links.link(login, identity.subjectId(), identity);
            return sessions.start(hashed("oidc-", identity.subjectId()), identity.subjectId());
        }

        private void purge() {
            Instant now = clock.instant();
            for (Iterator<Instant> it = nonces.values().iterator(); it.hasNext();) {
                if (!it.next().isAfter(now)) {
                    it.remove();
                }
            }
        }

        private static String encode(@Nullable String value) {
            return java.net.URLEncoder.encode(Objects.requireNonNullElse(value, ""), StandardCharsets.UTF_8);
        }
    }
}
