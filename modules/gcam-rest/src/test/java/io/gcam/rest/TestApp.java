package io.gcam.rest;

import io.gcam.core.Actor;
import io.gcam.core.ConflictException;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.core.IdempotentExecutor;
import io.gcam.core.LocalizedText;
import io.gcam.core.NotFoundException;
import io.gcam.core.ValidationException;
import io.gcam.core.jdbc.JdbcIdempotencyStore;
import io.gcam.core.jdbc.Migrations;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** A real Jersey application on Grizzly, wired with {@link GcamRestFeature}, for the tests. */
final class TestApp implements AutoCloseable {

    static final AtomicInteger CREATED = new AtomicInteger();
    static volatile CountDownLatch entered = new CountDownLatch(0);
    static volatile CountDownLatch release = new CountDownLatch(0);

    private final HttpServer server;
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    TestApp() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:rest-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(dataSource, "core");
        IdempotentExecutor executor = IdempotentExecutor.builder()
                .store(new JdbcIdempotencyStore(dataSource))
                .build();
        ResourceConfig config = new ResourceConfig()
                .register(GcamRestFeature.builder()
                        .actorResolver(request -> {
                            String auth = request.getHeaderString("Authorization");
                            if (auth == null) {
                                return Optional.empty();
                            }
                            return switch (auth) {
                                case "Bearer alice" -> Optional.of(Actor.applicant("alice"));
                                case "Bearer bob" -> Optional.of(Actor.applicant("bob"));
                                case "Bearer rita" -> Optional.of(Actor.staff("rita", "SAFP", "REVIEWER", "ADMIN"));
                                default -> throw new UnauthenticatedException();
                            };
                        })
                        .idempotentExecutor(executor)
                        .authenticationChallenge("Bearer realm=\"test\"")
                        .build())
                .register(Resources.class)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config);
        base = URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/");
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path));
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder builder = request(path).GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder);
    }

    HttpResponse<String> postJson(String path, String json, String... headers) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder);
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    /** A request body checked by Jackson. */
    public record Greeting(String name, int count, Instant at) {
    }

    /** A request body that validates itself. */
    public record NewNote(String text) {
        public NewNote {
            if (text == null || text.isBlank()) {
                throw ValidationException.of("text", LocalizedText.of("Enter a text.", "請輸入文字。", "Introduza um texto."));
            }
        }
    }

    /** The resources the tests call. */
    @Path("/")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Resources {

        @GET
        @Path("things/{id}")
        public String thing(@PathParam("id") String id) {
            throw new NotFoundException("thing", id);
        }

        @POST
        @Path("validate")
        @Consumes(MediaType.APPLICATION_JSON)
        public String validate(Map<String, Object> body) {
            throw new ValidationException(List.of(
                    new ValidationException.Violation("email",
                            LocalizedText.of("Enter a valid e-mail address.", "請輸入有效的電郵地址。",
                                    "Introduza um endereço de correio eletrónico válido.")),
                    new ValidationException.Violation("contacts[0].phone",
                            LocalizedText.of("Enter a phone number.", "請輸入電話號碼。", "Introduza um número de telefone."))));
        }

        @GET
        @Path("boom")
        public String boom() {
            throw new IllegalStateException("secret internal detail");
        }

        @GET
        @Path("misconfigured")
        public String misconfigured() {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, "password for db wrong");
        }

        @GET
        @Path("unavailable")
        public String unavailable() {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE);
        }

        @GET
        @Path("conflict")
        public String conflict() {
            throw new ConflictException("application");
        }

        @GET
        @Path("me")
        public ActorView me(@Context SecurityContext security) {
            return ActorView.of(RequestActor.from(security));
        }

        @POST
        @Path("greetings")
        @Consumes(MediaType.APPLICATION_JSON)
        public Greeting greet(Greeting greeting) {
            return greeting;
        }

        @POST
        @Path("notes")
        @Consumes(MediaType.APPLICATION_JSON)
        @Idempotent
        public Response create(NewNote note, @BeanParam IdempotentRequest idempotency) {
            return idempotency.run(note, () -> {
                entered.countDown();
                try {
                    if (!release.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never released the operation");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                int n = CREATED.incrementAndGet();
                if (note.text().equals("fail")) {
                    throw new ConflictException("note");
                }
                return Response.created(URI.create("notes/" + n))
                        .entity(Map.of("id", n, "text", note.text()))
                        .build();
            });
        }

        @POST
        @Path("strict-notes")
        @Consumes(MediaType.APPLICATION_JSON)
        @Idempotent(required = true)
        public Response createStrict(NewNote note, @BeanParam IdempotentRequest idempotency) {
            return idempotency.run(note, () -> Response.status(201).entity(Map.of("text", note.text())).build());
        }
    }
}
