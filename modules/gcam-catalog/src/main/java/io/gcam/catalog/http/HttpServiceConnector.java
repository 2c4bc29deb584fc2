package io.gcam.catalog.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gcam.catalog.CatalogErrorCode;
import io.gcam.catalog.CatalogException;
import io.gcam.catalog.spi.FiledApplication;
import io.gcam.catalog.spi.FilingRequest;
import io.gcam.catalog.spi.RemoteStatus;
import io.gcam.catalog.spi.ServiceConnector;
import io.gcam.core.LocalizedText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ServiceConnector} to an agency backend (for example GCAM running in the agency's own
 * application) that speaks JSON over HTTP.
 *
 * <pre>{@code
 * ServiceConnector dsal = HttpServiceConnector.builder("DSAL", URI.create("https://apps.dsal.example/single-window/"))
 *         .requestTimeout(Duration.ofSeconds(2))
 *         .maxAttempts(3)
 *         .requestCustomizer(r -> r.header("Authorization", "Bearer " + tokens.current()))
 *         .build();
 * }</pre>
 *
 * <h2>The protocol</h2>
 * <ul>
 *   <li>{@code POST {base}applications} with header {@code Idempotency-Key: <filingId>} and body
 *       {@code {"serviceCode":..,"agency":..,"applicantId":..,"formData":{..}}}; answered 200 or 201 with
 *       {@code {"applicationId":..,"referenceNumber":..,"accessCode":..}} ({@code accessCode} optional).
 *       A 4xx answer (other than 408, 429 and a 409 {@code IDEMPOTENCY_IN_FLIGHT} problem, which
 *       are retried) is a refusal: {@code AGENCY_REJECTED} with the problem's {@code detail} or
 *       {@code title}. {@code io.gcam.rest.catalog.AgencyBackendResources} in gcam-rest serves this
 *       protocol for any connector, e.g. a GCAM workflow.</li>
 *   <li>{@code POST {base}applications/statuses} with {@code {"applicantId":..,"applicationIds":[..]}};
 *       answered 200 with {@code {"items":[{"applicationId":..,"status":{"en":..,"zhHant":..,"pt":..},
 *       "finished":true|false,"since":"2026-01-01T00:00:00Z"}]}}.</li>
 * </ul>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Every attempt is bounded by the connect and request timeouts; failures that may pass
 *       (I/O errors, timeouts, 408, 429, 5xx, a request with the same key still in flight) are retried up to {@link Builder#maxAttempts(int)}
 *       attempts in all, with a growing pause; then {@code AGENCY_UNAVAILABLE}. A filing is retried
 *       with the same {@code Idempotency-Key}, so the backend files it once.</li>
 *   <li>Form data and answers are never logged.</li>
 *   <li>The default client speaks HTTP/1.1 to an {@code http} address (no cleartext upgrade) and
 *       negotiates HTTP/2 over {@code https}.</li>
 * </ul>
 * Thread-safe.
 */
public final class HttpServiceConnector implements ServiceConnector {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServiceConnector.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String agency;
    private final URI base;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final Duration backoff;
    private final Consumer<HttpRequest.Builder> customizer;

    private HttpServiceConnector(Builder b) {
        this.agency = b.agency;
        this.base = b.base.toString().endsWith("/") ? b.base : URI.create(b.base + "/");
        this.client = b.client != null ? b.client
                : HttpClient.newBuilder().connectTimeout(b.connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                        // Over plain http, no h2c upgrade: some servers (Grizzly among them) fail a POST
                        // whose body comes with an upgrade request. Over https, HTTP/2 is negotiated by ALPN.
                        .version("https".equals(b.base.getScheme()) ? HttpClient.Version.HTTP_2
                                : HttpClient.Version.HTTP_1_1)
                        .build();
        this.requestTimeout = b.requestTimeout;
        this.maxAttempts = b.maxAttempts;
        this.backoff = b.backoff;
        this.customizer = b.customizer;
    }

    /**
     * @param agency the agency's code, for messages
     * @param base the backend's base address; {@code applications} is resolved against it
     * @return a builder
     */
    public static Builder builder(String agency, URI base) {
        return new Builder(agency, base);
    }

    @Override
    public FiledApplication file(FilingRequest request) {
        Objects.requireNonNull(request, "request");
        ObjectNode body = JSON.createObjectNode();
        body.put("serviceCode", request.serviceCode());
        body.put("agency", request.agency());
        body.put("applicantId", request.applicantId());
        try {
            body.set("formData", JSON.readTree(request.formData()));
        } catch (JsonProcessingException e) {
            throw new CatalogException(CatalogErrorCode.AGENCY_REJECTED, agency, "the form is not valid JSON");
        }
        JsonNode answer = post("applications", body, request.filingId());
        String applicationId = answer.path("applicationId").asText(null);
        String reference = answer.path("referenceNumber").asText(null);
        if (applicationId == null || reference == null) {
            throw new CatalogException(CatalogErrorCode.AGENCY_UNAVAILABLE, agency);
        }
        JsonNode code = answer.get("accessCode");
        return new FiledApplication(applicationId, reference, code == null || code.isNull() ? null : code.asText());
    }

    @Override
    public List<RemoteStatus> statuses(String applicantId, List<String> applicationIds) {
        ObjectNode body = JSON.createObjectNode();
        body.put("applicantId", applicantId);
        ArrayNode ids = body.putArray("applicationIds");
        applicationIds.forEach(ids::add);
        JsonNode answer = post("applications/statuses", body, null);
        List<RemoteStatus> result = new ArrayList<>();
        for (JsonNode item : answer.path("items")) {
            try {
                JsonNode status = item.path("status");
                String since = item.path("since").asText(null);
                result.add(new RemoteStatus(item.path("applicationId").asText(),
                        LocalizedText.of(status.path("en").asText(), status.path("zhHant").asText(null),
                                status.path("pt").asText(null)),
                        item.path("finished").asBoolean(false), since == null ? null : Instant.parse(since)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new CatalogException(CatalogErrorCode.AGENCY_UNAVAILABLE, e, agency);
            }
        }
        return result;
    }

    private JsonNode post(String path, JsonNode body, @Nullable String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        customizer.accept(request);
        HttpRequest built = request.build();
        Exception last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1) {
                pause(attempt);
            }
            try {
                HttpResponse<String> response = client.send(built,
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status == 200 || status == 201) {
                    return JSON.readTree(response.body());
                }
                if (status >= 400 && status < 500 && status != 408 && status != 429
                        && !(status == 409 && response.body().contains("IDEMPOTENCY_IN_FLIGHT"))) {
                    throw new CatalogException(CatalogErrorCode.AGENCY_REJECTED, agency, problemText(response.body(), status));
                }
                LOG.debug("agency {} answered {} to {} (attempt {} of {})", agency, status, path, attempt, maxAttempts);
                last = null;
            } catch (IOException e) {
                LOG.debug("agency {} did not answer {} (attempt {} of {}): {}", agency, path, attempt, maxAttempts,
                        e.toString());
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CatalogException(CatalogErrorCode.AGENCY_UNAVAILABLE, e, agency);
            }
        }
        LOG.warn("agency {} is unavailable: {} failed {} times", agency, path, maxAttempts);
        throw new CatalogException(CatalogErrorCode.AGENCY_UNAVAILABLE, last, agency);
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(backoff.toMillis() * (1L << Math.min(attempt - 2, 4)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException(CatalogErrorCode.AGENCY_UNAVAILABLE, e, agency);
        }
    }

    private static String problemText(String body, int status) {
        try {
            JsonNode problem = JSON.readTree(body);
            String text = problem.path("detail").asText(problem.path("title").asText(""));
            if (!text.isBlank()) {
                return text.length() > 300 ? text.substring(0, 300) : text;
            }
        } catch (JsonProcessingException e) {
            // not a problem document
        }
        return "HTTP " + status;
    }

    /** Configures an {@link HttpServiceConnector}. */
    public static final class Builder {
        private final String agency;
        private final URI base;
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration requestTimeout = Duration.ofSeconds(5);
        private int maxAttempts = 3;
        private Duration backoff = Duration.ofMillis(200);
        private Consumer<HttpRequest.Builder> customizer = r -> { };
        private @Nullable HttpClient client;

        private Builder(String agency, URI base) {
            this.agency = Objects.requireNonNull(agency, "agency");
            this.base = Objects.requireNonNull(base, "base");
            if (!base.isAbsolute() || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))) {
                throw new IllegalArgumentException("base must be an absolute http or https address");
            }
        }

        /**
         * @param value how long to wait for a connection; default 2 seconds (ignored with {@link #client(HttpClient)})
         * @return this builder
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /**
         * @param value how long to wait for each answer; default 5 seconds
         * @return this builder
         */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = positive(value, "requestTimeout");
            return this;
        }

        /**
         * @param value attempts in all, 1 to 10; default 3
         * @return this builder
         */
        public Builder maxAttempts(int value) {
            if (value < 1 || value > 10) {
                throw new IllegalArgumentException("maxAttempts must be 1 to 10");
            }
            this.maxAttempts = value;
            return this;
        }

        /**
         * @param value the pause before the second attempt, doubled before each further one; default 200 ms
         * @return this builder
         */
        public Builder backoff(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("backoff must not be negative");
            }
            this.backoff = value;
            return this;
        }

        /**
         * @param value adds to every request, e.g. an {@code Authorization} header
         * @return this builder
         */
        public Builder requestCustomizer(Consumer<HttpRequest.Builder> value) {
            this.customizer = Objects.requireNonNull(value, "requestCustomizer");
            return this;
        }

        /**
         * @param value the HTTP client to use (e.g. with a custom TLS context); default a new one
         * @return this builder
         */
        public Builder client(HttpClient value) {
            this.client = Objects.requireNonNull(value, "client");
            return this;
        }

        /** @return the connector */
        public HttpServiceConnector build() {
            return new HttpServiceConnector(this);
        }

        private static Duration positive(Duration value, String name) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }
    }
}
