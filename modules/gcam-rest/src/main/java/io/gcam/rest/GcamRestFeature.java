package io.gcam.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.core.IdempotentExecutor;
import io.gcam.rest.internal.ActorFilter;
import io.gcam.rest.internal.IdempotencyKeys;
import io.gcam.rest.internal.RequiredBodies;
import io.gcam.rest.spi.ActorResolver;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything gcam-rest offers, registered with one call on any Jakarta REST runtime:
 *
 * <pre>{@code
 * ResourceConfig app = new ResourceConfig()                 // or an Application's getSingletons()
 *         .register(GcamRestFeature.builder()
 *                 .actorResolver(new BearerTokenResolver(sessions))
 *                 .idempotentExecutor(executor)
 *                 .build())
 *         .register(NotesResource.class);
 * }</pre>
 *
 * <p>Registers:
 * <ul>
 *   <li>the problem+json exception mappers: {@link GcamExceptionMapper}, {@link JsonExceptionMapper},
 *       {@link WebApplicationExceptionMapper} and {@link UnexpectedExceptionMapper}, so that every
 *       error a client sees is an {@code application/problem+json} {@link Problem};</li>
 *   <li>{@link GcamJackson} as the {@code ObjectMapper} resolver and, unless
 *       {@link Builder#registerJsonProvider(boolean) turned off}, Jackson's JSON provider using it;</li>
 *   <li>a check that answers an empty body with a 400 problem for resource methods that take an
 *       entity, so they never receive {@code null};</li>
 *   <li>with an {@link ActorResolver}: a request filter resolving the actor of every request, then
 *       available through {@link RequestActor};</li>
 *   <li>the {@code Idempotency-Key} checks of {@link Idempotent} methods, and with an
 *       {@link IdempotentExecutor}: the replay support of {@link IdempotentRequest}.</li>
 * </ul>
 */
public final class GcamRestFeature implements Feature {

    private final @Nullable ActorResolver actorResolver;
    private final @Nullable IdempotentExecutor idempotentExecutor;
    private final ObjectMapper objectMapper;
    private final boolean registerJsonProvider;
    private final String authenticationChallenge;

    private GcamRestFeature(Builder builder) {
        this.actorResolver = builder.actorResolver;
        this.idempotentExecutor = builder.idempotentExecutor;
        this.objectMapper = builder.objectMapper != null ? builder.objectMapper : GcamJackson.newObjectMapper();
        this.registerJsonProvider = builder.registerJsonProvider;
        this.authenticationChallenge = builder.authenticationChallenge;
    }

    /** @return a builder; with no settings the feature maps errors and configures JSON only */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Registers gcam-rest's providers.
     *
     * @param context the runtime's feature context
     * @return {@code true}: the feature is enabled
     */
    @Override
    public boolean configure(FeatureContext context) {
        GcamExceptionMapper gcamMapper = new GcamExceptionMapper(authenticationChallenge);
        context.register(gcamMapper);
        context.register(new JsonExceptionMapper(gcamMapper));
        context.register(new WebApplicationExceptionMapper());
        context.register(new UnexpectedExceptionMapper());
        context.register(new GcamJackson(objectMapper));
        if (registerJsonProvider) {
            context.register(GcamJackson.jsonProvider(objectMapper));
        }
        if (actorResolver != null) {
            context.register(new ActorFilter(actorResolver), Priorities.AUTHENTICATION + 100);
        }
        context.register(new IdempotencyKeys());
        context.register(new RequiredBodies());
        context.property(IdempotentRequest.OBJECT_MAPPER_PROPERTY, objectMapper);
        if (idempotentExecutor != null) {
            context.property(IdempotentRequest.EXECUTOR_PROPERTY, idempotentExecutor);
        }
        return true;
    }

    /** Builds a {@link GcamRestFeature}. */
    public static final class Builder {
        private @Nullable ActorResolver actorResolver;
        private @Nullable IdempotentExecutor idempotentExecutor;
        private @Nullable ObjectMapper objectMapper;
        private boolean registerJsonProvider = true;
        private String authenticationChallenge = "Bearer";

        private Builder() {
        }

        /**
         * @param resolver turns each request's credentials into an actor; without one every request
         *     is anonymous
         * @return this builder
         */
        public Builder actorResolver(ActorResolver resolver) {
            this.actorResolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * @param executor runs {@link IdempotentRequest} operations once per key; required for
         *     requests that send an {@code Idempotency-Key}
         * @return this builder
         */
        public Builder idempotentExecutor(IdempotentExecutor executor) {
            this.idempotentExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * @param mapper the JSON mapper for request and response bodies; default
         *     {@link GcamJackson#newObjectMapper()}
         * @return this builder
         */
        public Builder objectMapper(ObjectMapper mapper) {
            this.objectMapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /**
         * @param register whether to register Jackson's JSON provider (default {@code true}); turn off
         *     when the runtime brings its own Jackson provider, which then uses {@link GcamJackson}
         * @return this builder
         */
        public Builder registerJsonProvider(boolean register) {
            this.registerJsonProvider = register;
            return this;
        }

        /**
         * @param challenge the {@code WWW-Authenticate} value of 401 responses; default {@code Bearer}
         * @return this builder
         */
        public Builder authenticationChallenge(String challenge) {
            this.authenticationChallenge = Objects.requireNonNull(challenge, "challenge");
            return this;
        }

        /** @return the feature */
        public GcamRestFeature build() {
            return new GcamRestFeature(this);
        }
    }
}
