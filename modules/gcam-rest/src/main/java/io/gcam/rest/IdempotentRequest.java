package io.gcam.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gcam.core.Actor;
import io.gcam.core.IdempotentExecutor;
import io.gcam.rest.internal.IdempotencyKeys;
import io.gcam.rest.internal.StoredResponse;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Idempotency-Key} handling of one request, injected as a {@code @BeanParam} into an
 * {@link Idempotent} resource method:
 *
 * <pre>{@code
 * @POST
 * @Idempotent
 * public Response create(NewNote body, @BeanParam IdempotentRequest idempotency) {
 *     return idempotency.run(body, () -> {
 *         Note note = notes.create(body);
 *         return Response.created(URI.create("notes/" + note.id())).entity(note).build();
 *     });
 * }
 * }</pre>
 *
 * <p>Without the header, {@link #run(Object, Supplier)} simply runs the operation. With it, the
 * operation runs through the {@link IdempotentExecutor} given to {@link GcamRestFeature}, once per
 * (actor, key):
 * <ul>
 *   <li>The first request runs the operation and stores its status, content type, {@code Location}
 *       and body (as JSON text).</li>
 *   <li>A retry with the same key and the same request gets that stored response again, with the
 *       header {@code Idempotent-Replayed: true}, and the operation does not run.</li>
 *   <li>A request with the same key but a different method, path, query or body gets a 422 problem
 *       {@code IDEMPOTENCY_KEY_REUSED}; one that arrives while the first is still running gets a 409
 *       problem {@code IDEMPOTENCY_IN_FLIGHT}.</li>
 *   <li>When the operation throws, nothing is stored and the key may be used again.</li>
 * </ul>
 *
 * <p>The request fingerprint is the SHA-256 of the method, raw path, raw query and the body as
 * canonical JSON (the parsed body re-serialized with sorted keys), so two sends of the same
 * request that differ only in whitespace or field order count as the same request. Keys belong to
 * the actor: an idempotent request with a key needs an authenticated actor (else 401).
 */
public final class IdempotentRequest {

    /** The request header carrying the key. */
    public static final String HEADER = "Idempotency-Key";

    /** The response header marking a replayed response. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** Configuration property holding the {@link IdempotentExecutor} (set by {@link GcamRestFeature}). */
    public static final String EXECUTOR_PROPERTY = "io.gcam.rest.idempotentExecutor";

    /** Configuration property holding the {@link ObjectMapper} for bodies (set by {@link GcamRestFeature}). */
    public static final String OBJECT_MAPPER_PROPERTY = "io.gcam.rest.objectMapper";

    private static final ObjectMapper STORAGE = GcamJackson.newObjectMapper();

    @HeaderParam(HEADER)
    private @Nullable String key;

    @Context
    private @Nullable UriInfo uriInfo;

    @Context
    private @Nullable Request request;

    @Context
    private @Nullable SecurityContext security;

    @Context
    private @Nullable Configuration configuration;

    /** Created by the JAX-RS runtime for each request. */
    public IdempotentRequest() {
    }

    /** @return the {@code Idempotency-Key} of the request, if it sent one */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /**
     * Runs a creating operation at most once per idempotency key.
     *
     * @param body the parsed request body (part of the fingerprint), or {@code null} without body
     * @param operation creates the object and returns the response; its entity is written as JSON
     *     unless it is already a {@code String}
     * @return the operation's response, or the stored response of the first request with this key
     */
    public Response run(@Nullable Object body, Supplier<Response> operation) {
        if (key == null) {
            return operation.get();
        }
        String validKey = IdempotencyKeys.validate(key);
        Actor actor = RequestActor.from(required(security, "SecurityContext"));
        IdempotentExecutor executor = property(EXECUTOR_PROPERTY, IdempotentExecutor.class);
        ObjectMapper mapper = objectMapper();
        boolean[] ran = {false};
        String stored = executor.execute(actor, validKey, fingerprint(mapper, body), () -> {
            ran[0] = true;
            return write(store(mapper, operation.get()));
        });
        StoredResponse response = read(stored);
        Response.ResponseBuilder builder = Response.status(response.status());
        if (!response.body().isEmpty()) {
            builder.entity(response.body()).type(response.contentType());
        }
        if (response.location() != null) {
            builder.location(URI.create(response.location()));
        }
        if (!ran[0]) {
            builder.header(REPLAYED_HEADER, "true");
        }
        return builder.build();
    }

    private String fingerprint(ObjectMapper mapper, @Nullable Object body) {
        UriInfo uri = required(uriInfo, "UriInfo");
        URI requestUri = uri.getRequestUri();
        String canonicalBody;
        try {
            Object tree = body == null ? null : mapper.convertValue(body, Object.class);
            canonicalBody = mapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(tree);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the request body cannot be written as JSON", e);
        }
        String text = required(request, "Request").getMethod() + '\n' + requestUri.getRawPath() + '\n'
                + (requestUri.getRawQuery() == null ? "" : requestUri.getRawQuery()) + '\n' + canonicalBody;
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static StoredResponse store(ObjectMapper mapper, Response response) {
        Object entity = response.getEntity();
        String body;
        String contentType = null;
        if (entity == null) {
            body = "";
        } else {
            MediaType type = response.getMediaType() != null ? response.getMediaType() : MediaType.APPLICATION_JSON_TYPE;
            contentType = type.toString();
            try {
                body = entity instanceof String text ? text : mapper.writeValueAsString(entity);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the response entity cannot be written as JSON", e);
            }
        }
        URI location = response.getLocation();
        return new StoredResponse(response.getStatus(), contentType, location == null ? null : location.toString(),
                body);
    }

    private static String write(StoredResponse response) {
        try {
            return STORAGE.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoredResponse read(String stored) {
        try {
            return STORAGE.readValue(stored, StoredResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotent response is not readable", e);
        }
    }

    private ObjectMapper objectMapper() {
        Object mapper = required(configuration, "Configuration").getProperty(OBJECT_MAPPER_PROPERTY);
        return mapper instanceof ObjectMapper objectMapper ? objectMapper : GcamJackson.newObjectMapper();
    }

    private <T> T property(String name, Class<T> type) {
        Object value = required(configuration, "Configuration").getProperty(name);
        if (!type.isInstance(value)) {
            throw new IllegalStateException("no " + type.getSimpleName()
                    + " configured: register GcamRestFeature with .idempotentExecutor(...)");
        }
        return type.cast(value);
    }

    private static <T> T required(@Nullable T injected, String what) {
        if (injected == null) {
            throw new IllegalStateException(what + " was not injected: use IdempotentRequest as a @BeanParam");
        }
        return injected;
    }
}
