package io.gcam.samples.portal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.core.IdempotentExecutor;
import io.gcam.core.SynchronousEventPublisher;
import io.gcam.core.jdbc.JdbcIdempotencyStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.documents.DocumentService;
import io.gcam.documents.jdbc.JdbcDocumentStore;
import io.gcam.profile.ProfileService;
import io.gcam.records.RecordsService;
import io.gcam.rest.GcamRestFeature;
import io.gcam.samples.portal.appointment.AppointmentWiring;
import io.gcam.samples.portal.catalog.CatalogWiring;
import io.gcam.samples.portal.documents.DocumentsWiring;
import io.gcam.samples.portal.identity.IdentityWiring;
import io.gcam.samples.portal.notification.NotificationWiring;
import io.gcam.samples.portal.notification.SubmissionConfirmation;
import io.gcam.samples.portal.profile.ProfileWiring;
import io.gcam.samples.portal.records.RecordsWiring;
import io.gcam.samples.portal.registration.RegistrationWiring;
import io.gcam.samples.portal.workflow.WorkflowWiring;
import io.gcam.workflow.WorkflowService;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The recruitment portal: Jersey on an embedded Grizzly HTTP server, H2 (or PostgreSQL) through
 * HikariCP, GCAM's REST conventions. {@link #main(String[])} reads the settings from environment
 * variables (see {@link Settings}); tests call {@link #start(Map)} with their own.
 */
public final class PortalApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PortalApp.class);

    /** How long running requests may take to finish when the portal stops. */
    static final Duration GRACE_PERIOD = Duration.ofSeconds(10);

    private final HttpServer server;
    private final HikariDataSource pool;
    private final URI uri;
    private final Settings settings;
    private final NotificationWiring notifications;
    private final List<AutoCloseable> stopping;

    private PortalApp(HttpServer server, HikariDataSource pool, URI uri, Settings settings,
            NotificationWiring notifications, List<AutoCloseable> stopping) {
        this.notifications = notifications;
        this.stopping = stopping;
        this.server = server;
        this.pool = pool;
        this.uri = uri;
        this.settings = settings;
    }

    /**
     * Starts the portal and stops it on shutdown (Ctrl+C, SIGTERM).
     *
     * @param args ignored: settings come from environment variables
     */
    public static void main(String[] args) {
        PortalApp app;
        try {
            app = start(System.getenv());
        } catch (GcamException e) {
            if (e.errorCode() == CoreErrorCode.CONFIGURATION_INVALID) {
                LOG.error("Cannot start the portal. {}", e.getMessage());
                System.exit(2);
            }
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "portal-shutdown"));
    }

    /**
     * Starts the portal.
     *
     * @param env settings as environment variables ({@code GCAM_PORT}, {@code GCAM_DATA_DIR}, ...)
     * @return the running portal; {@link #close()} stops it
     * @throws GcamException {@code CONFIGURATION_INVALID} for invalid settings or a database that
     *     cannot be migrated
     */
    public static PortalApp start(Map<String, String> env) {
        if (!SLF4JBridgeHandler.isInstalled()) {
            // Jersey and Grizzly log through java.util.logging: route it to SLF4J.
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        Settings settings = Settings.fromEnvironment(env);
        LOG.info("Starting the recruitment portal: {}", settings);
        HikariDataSource pool = openPool(settings);
        NotificationWiring notifications = null;
        List<AutoCloseable> stopping = new ArrayList<>();
        try {
            Migrations.migrate(pool, "core");
            Migrations.migrate(pool, "portal");
            Clock clock = Clock.systemUTC();
            LocalTransactions transactions = LocalTransactions.over(pool);
            DataSource dataSource = transactions.dataSource();
            boolean demo = settings.mode() == Settings.Mode.DEMO;
            notifications = NotificationWiring.start(demo, env, transactions, clock);
            DemoUsers users = new DemoUsers(dataSource);
            Sessions sessions = new Sessions(dataSource, users, clock);
            if (demo) {
                users.seed();
            }
            IdempotentExecutor idempotency = IdempotentExecutor.builder()
                    .store(new JdbcIdempotencyStore(dataSource))
                    .clock(clock)
                    .retention(Duration.ofHours(24))
                    .build();
            ResourceConfig config = new ResourceConfig()
                    .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                    .register(GcamRestFeature.builder()
                            .actorResolver(new BearerTokenResolver(sessions))
                            .idempotentExecutor(idempotency)
                            .authenticationChallenge("Bearer realm=\"gcam-portal\"")
                            .build())
                    .register(new HomeResource(settings.mode()))
                    .register(new HealthResource(dataSource))
                    .register(new ApiResources.Me())
                    .register(new ApiResources.NotesResource(new Notes(dataSource, clock)));
            // one publisher and one transaction manager for the modules, so that a listener's work
            // (performance figures, filing records) commits or rolls back with the change it follows
            SynchronousEventPublisher events = SynchronousEventPublisher.create();
            config.register(new RemoteAddressFilter());
            WorkflowService workflow = WorkflowWiring.register(config, transactions, pool, clock, events,
                    RemoteAddressFilter.clientAddress(env), RemoteAddressFilter.kioskAddresses(env), stopping::add);
            CatalogWiring catalog = CatalogWiring.register(config, transactions, pool, clock, workflow, events, env, demo);
            notifications.register(config);
            SubmissionConfirmation.subscribe(events, workflow, notifications);
            DocumentService documents = DocumentsWiring.register(config, transactions, pool, clock, settings.dataDir(),
                    DemoUsers.AGENCY);
            RecordsService records = RecordsWiring.register(config, transactions, pool, clock, documents,
                    DemoUsers.AGENCY, demo);
            if (demo) {
                // the HR.RECRUITMENT class the dossiers go to is part of the demo file plan
                RecordsWiring.fileOnApproval(events, records, workflow, JdbcDocumentStore.create(dataSource));
            }
            IdentityWiring identity = IdentityWiring.register(config, transactions, clock, env, demo, notifications,
                    (username, subjectId) -> {
                        users.ensureApplicant(username, subjectId);
                        Sessions.Issued issued = sessions.issue(username);
                        return new IdentityWiring.Session(issued.token(), issued.expiresAt());
                    });
            ProfileService profiles = identity == null ? null
                    : ProfileWiring.register(config, transactions, clock, env, demo, identity.links());
            // eligibility for exams comes from the applicant's profile
            config.registerInstances(RegistrationWiring.resources(pool, clock, demo,
                    ProfileWiring.applicantFacts(profiles)));
            AppointmentWiring.register(config, pool, clock, demo, env);
            if (demo) {
                config.register(new ApiResources.DevLogin(users, sessions, notifications::welcome));
            }
            URI bind = URI.create("http://" + settings.host() + ":" + settings.port() + "/");
            HttpServer server = GrizzlyHttpServerFactory.createHttpServer(bind, config, false);
            server.getListener("grizzly").registerAddOn(new IgnoreUpgradeAddOn());
            server.start();
            int port = server.getListener("grizzly").getPort();
            URI uri = URI.create("http://" + (settings.host().equals("0.0.0.0") ? "localhost" : settings.host())
                    + ":" + port + "/");
            catalog.started(uri);
            LOG.info("Recruitment portal ({} mode) is up at {}  (health: {}health)",
                    settings.mode().name().toLowerCase(java.util.Locale.ROOT), uri, uri);
            return new PortalApp(server, pool, uri, settings, notifications, stopping);
        } catch (IOException e) {
            stopAll(stopping);
            closeQuietly(notifications);
            pool.close();
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, e,
                    "cannot listen on " + settings.host() + ":" + settings.port() + " (" + e.getMessage()
                            + "); set GCAM_PORT to a free port");
        } catch (RuntimeException e) {
            stopAll(stopping);
            closeQuietly(notifications);
            pool.close();
            throw e;
        }
    }

    private static void stopAll(List<AutoCloseable> stopping) {
        for (AutoCloseable c : stopping) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Could not stop {}: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private static void closeQuietly(@org.jspecify.annotations.Nullable NotificationWiring notifications) {
        if (notifications != null) {
            notifications.close();
        }
    }

    private static HikariDataSource openPool(Settings settings) {
        if (settings.jdbcUrl() == null) {
            try {
                Files.createDirectories(settings.dataDir());
            } catch (IOException e) {
                throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, e,
                        "GCAM_DATA_DIR " + settings.dataDir() + " cannot be created: " + e.getMessage());
            }
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("portal");
        config.setJdbcUrl(settings.effectiveJdbcUrl());
        if (settings.jdbcUser() != null) {
            config.setUsername(settings.jdbcUser());
        }
        if (settings.jdbcPassword() != null) {
            config.setPassword(settings.jdbcPassword());
        }
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, e,
                    "cannot connect to the database " + settings.effectiveJdbcUrl() + ": " + e.getMessage());
        }
    }

    /** @return the base URI the portal answers on, e.g. {@code http://127.0.0.1:8080/} */
    public URI uri() {
        return uri;
    }

    /** @return the settings the portal runs with */
    public Settings settings() {
        return settings;
    }

    /**
     * Stops accepting requests, lets running ones finish within {@link #GRACE_PERIOD}, then closes
     * the database pool. Safe to call more than once.
     */
    @Override
    public void close() {
        if (pool.isClosed()) {
            return;
        }
        LOG.info("Stopping the recruitment portal (grace period {} s)", GRACE_PERIOD.toSeconds());
        try {
            server.shutdown(GRACE_PERIOD.toSeconds(), TimeUnit.SECONDS).get(GRACE_PERIOD.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("The HTTP server did not stop cleanly: {}", e.toString());
            server.shutdownNow();
        } finally {
            stopAll(stopping);
            notifications.close();
            pool.close();
        }
        LOG.info("Recruitment portal stopped");
    }
}
