package io.gcam.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jakarta.rs.cfg.JakartaRSFeature;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.ext.ContextResolver;
import java.util.Objects;

/**
 * GCAM's JSON settings, as an {@link ObjectMapper} factory and a JAX-RS
 * {@link ContextResolver ContextResolver&lt;ObjectMapper&gt;} that Jackson-based JSON providers
 * (Jersey's, RESTEasy's, Jackson's own) consult.
 *
 * <ul>
 *   <li>{@code java.time} values are ISO-8601 strings ({@code "2026-03-01T09:30:00Z"},
 *       {@code "2026-03-01"}, {@code "PT15M"}), never numbers; offsets are kept as sent.</li>
 *   <li>Null members are left out of the output.</li>
 *   <li>Reading is strict: an unknown field, a duplicate field, a string where a number is expected,
 *       a null for a primitive, trailing content or an empty body are refused with a 400 problem
 *       naming the field. A typo such as {@code "emial"} is then reported instead of silently
 *       dropped, which matters when the request is a citizen's application. Clients reading GCAM's
 *       responses should in turn ignore fields they do not know, as GCAM may add fields.</li>
 * </ul>
 */
public final class GcamJackson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper;

    /** A resolver handing out a mapper made by {@link #newObjectMapper()}. */
    public GcamJackson() {
        this(newObjectMapper());
    }

    /**
     * @param mapper the mapper to hand out (for example {@link #newObjectMapper()} with extra modules)
     */
    public GcamJackson(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * @return a new mapper with GCAM's settings; the caller may register more modules on it
     */
    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    /**
     * A Jackson JSON provider using {@code mapper}, for runtimes without one (or to replace theirs).
     * An empty request body is an error, not {@code null}.
     *
     * @param mapper the mapper
     * @return the provider, to register with the application
     */
    public static JacksonJsonProvider jsonProvider(ObjectMapper mapper) {
        JacksonJsonProvider provider = new JacksonJsonProvider(mapper);
        provider.disable(JakartaRSFeature.ALLOW_EMPTY_INPUT);
        return provider;
    }

    /** @return the mapper this resolver hands out */
    public ObjectMapper objectMapper() {
        return mapper;
    }

    /**
     * @param type the class being read or written
     * @return the GCAM mapper, for every type
     */
    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
