package io.gcam.catalog;

import static io.gcam.catalog.Fixture.DSAL_EDITOR;
import static io.gcam.catalog.Fixture.SAFP_EDITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import io.gcam.catalog.http.HttpServiceConnector;
import io.gcam.catalog.spi.FilingRequest;
import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.DomainEvent;
import io.gcam.testsupport.db.TestDatabases;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The single window against real local HTTP servers standing in for agency backends. */
class SingleWindowHttpTest {

    private static final Actor CITIZEN = Actor.applicant("citizen-1");

    private HikariDataSource pool;
    private Fixture f;
    private HttpServer server;
    private final AtomicInteger fileCalls = new AtomicInteger();
    private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();
    private volatile int failFirst;
    private volatile long statusDelayMillis;

    @BeforeEach
    void setUp() throws IOException {
        pool = TestDatabases.h2().newPool(4);
        f = new Fixture(pool);
        f.catalog.create(SAFP_EDITOR, Fixture.recruitment());
        f.catalog.publish(SAFP_EDITOR, "SAFP-RECRUIT", 1, null);
        f.catalog.create(DSAL_EDITOR, Fixture.workPermit());
        f.catalog.publish(DSAL_EDITOR, "DSAL-JOBSEEK", 1, null);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/agency/applications", this::handle);
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
        pool.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String answer;
        int status = 200;
        if (path.endsWith("/statuses")) {
            sleep(statusDelayMillis);
            answer = body.contains("APP-1") ? """
                    {"items":[{"applicationId":"APP-1","status":{"en":"Under review","zhHant":"審查中","pt":"Em análise"},
                    "finished":false,"since":"2026-09-29T02:00:00Z"}]}""" : "{\"items\":[]}";
        } else {
            idempotencyKeys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            int call = fileCalls.incrementAndGet();
            if (call <= failFirst) {
                status = 503;
                answer = "{}";
            } else if (body.contains("\"refuse\"")) {
                status = 422;
                answer = "{\"title\":\"Unprocessable\",\"detail\":\"The post is closed.\"}";
            } else {
                status = 201;
                answer = "{\"applicationId\":\"APP-1\",\"referenceNumber\":\"DSAL-2026-1\",\"accessCode\":\"K7\"}";
            }
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/agency/");
    }

    private HttpServiceConnector.Builder connector() {
        return HttpServiceConnector.builder("DSAL", base()).backoff(Duration.ofMillis(10));
    }

    private SingleWindow window(HttpServiceConnector dsal, Duration statusTimeout) {
        return SingleWindow.builder().catalog(f.catalog).store(f.store).transactions(f.tx).audit(f.audit)
                .events(f.events).clock(f.clock).connector("DSAL", dsal).statusTimeout(statusTimeout).build();
    }

    @Test
    void filesWithTheAgencyBackendAndRecordsTheFiling() {
        try (SingleWindow window = window(connector().build(), Duration.ofSeconds(5))) {
            ApplicationReceipt receipt = window.apply(CITIZEN, "DSAL-JOBSEEK", "{\"sector\":\"IT\"}");

            assertThat(receipt.filing().referenceNumber()).isEqualTo("DSAL-2026-1");
            assertThat(receipt.filing().agency()).isEqualTo("DSAL");
            assertThat(receipt.accessCode()).isEqualTo("K7");
            assertThat(f.store.filingsOf("citizen-1")).containsExactly(receipt.filing());
            assertThat(f.published).extracting(DomainEvent::type).contains("catalog.application_filed");
            assertThat(f.count("SELECT COUNT(*) FROM gcam_audit_entry WHERE action = 'catalog.application_filed'"))
                    .isEqualTo(1);

            MyApplications mine = window.myApplications(CITIZEN);
            assertThat(mine.unavailableAgencies()).isEmpty();
            assertThat(mine.items()).singleElement().satisfies(item -> {
                assertThat(item.available()).isTrue();
                assertThat(item.status().status().zhHant()).isEqualTo("審查中");
                assertThat(item.serviceName().en()).isEqualTo("Job seeker registration");
            });
            assertThat(window.myApplications(Actor.applicant("someone-else")).items()).isEmpty();
        }
    }

    @Test
    void retriesAFailingBackendWithTheSameIdempotencyKey() {
        failFirst = 2;
        try (SingleWindow window = window(connector().maxAttempts(3).build(), Duration.ofSeconds(5))) {
            window.apply(CITIZEN, "DSAL-JOBSEEK", "{}");
        }

        assertThat(fileCalls.get()).isEqualTo(3);
        assertThat(idempotencyKeys).hasSize(3).doesNotContainNull().containsOnly(idempotencyKeys.get(0));
    }

    @Test
    void reportsABackendThatKeepsFailingAsUnavailableAndRecordsNothing() {
        failFirst = 100;
        try (SingleWindow window = window(connector().maxAttempts(2).build(), Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> window.apply(CITIZEN, "DSAL-JOBSEEK", "{}"))
                    .isInstanceOfSatisfying(CatalogException.class, e -> {
                        assertThat(e.code()).isEqualTo("AGENCY_UNAVAILABLE");
                        assertThat(e.getMessage()).contains("DSAL");
                    });
        }
        assertThat(fileCalls.get()).isEqualTo(2);
        assertThat(f.store.filingsOf("citizen-1")).isEmpty();
    }

    @Test
    void reportsARefusalWithoutRetrying() {
        try (SingleWindow window = window(connector().build(), Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> window.apply(CITIZEN, "DSAL-JOBSEEK", "{\"refuse\":true}"))
                    .isInstanceOfSatisfying(CatalogException.class, e -> {
                        assertThat(e.code()).isEqualTo("AGENCY_REJECTED");
                        assertThat(e.getMessage()).contains("The post is closed.");
                    });
        }
        assertThat(fileCalls.get()).isEqualTo(1);
    }

    @Test
    void refusesServicesWithoutAConnectorAndNonApplicants() {
        try (SingleWindow window = window(connector().build(), Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> window.apply(CITIZEN, "SAFP-RECRUIT", "{}"))
                    .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo("SERVICE_NOT_ONLINE"));
            assertThatThrownBy(() -> window.apply(CITIZEN, "NO-SUCH", "{}"))
                    .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo("SERVICE_NOT_ONLINE"));
            assertThatThrownBy(() -> window.apply(SAFP_EDITOR, "DSAL-JOBSEEK", "{}"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> window.myApplications(SAFP_EDITOR)).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(fileCalls.get()).isZero();
    }

    @Test
    void marksTheItemsOfASlowAgencyUnavailableAndStillAnswers() {
        try (SingleWindow window = window(connector().requestTimeout(Duration.ofSeconds(30)).build(),
                Duration.ofMillis(500))) {
            window.apply(CITIZEN, "DSAL-JOBSEEK", "{}");
            f.store.insertFiling(new Filing("f-safp", "citizen-1", "SAFP-RECRUIT", "SAFP", "W-1", "REC-1",
                    f.clock.instant()));
            statusDelayMillis = 10_000;

            long started = System.nanoTime();
            MyApplications mine = window.myApplications(CITIZEN);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(mine.unavailableAgencies()).containsExactlyInAnyOrder("DSAL", "SAFP");
            assertThat(mine.items()).hasSize(2).allSatisfy(item -> {
                assertThat(item.available()).isFalse();
                assertThat(item.status()).isNull();
            });
            assertThat(took).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void marksTheItemsOfAnAgencyThatIsDownUnavailableAndShowsTheOthers() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpServiceConnector down = HttpServiceConnector.builder("SAFP", URI.create("http://127.0.0.1:" + closedPort + "/"))
                .maxAttempts(2).backoff(Duration.ofMillis(10)).build();
        try (SingleWindow window = SingleWindow.builder().catalog(f.catalog).store(f.store).transactions(f.tx)
                .audit(f.audit).events(f.events).clock(f.clock).connector("DSAL", connector().build())
                .connector("SAFP", down).statusTimeout(Duration.ofSeconds(5)).build()) {
            window.apply(CITIZEN, "DSAL-JOBSEEK", "{}");
            f.store.insertFiling(new Filing("f-safp", "citizen-1", "SAFP-RECRUIT", "SAFP", "W-1", "REC-1",
                    f.clock.instant()));

            MyApplications mine = window.myApplications(CITIZEN);

            assertThat(mine.unavailableAgencies()).containsExactly("SAFP");
            assertThat(mine.items()).filteredOn(i -> i.filing().agency().equals("SAFP")).singleElement()
                    .satisfies(i -> assertThat(i.available()).isFalse());
            assertThat(mine.items()).filteredOn(i -> i.filing().agency().equals("DSAL")).singleElement()
                    .satisfies(i -> {
                        assertThat(i.available()).isTrue();
                        assertThat(i.status().status().en()).isEqualTo("Under review");
                    });
            assertThatThrownBy(() -> down.file(new FilingRequest("k", "SAFP-RECRUIT", "SAFP", "citizen-1", "{}")))
                    .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo("AGENCY_UNAVAILABLE"));
        }
    }
}
