package io.gcam.samples.portal;

import io.gcam.core.Actor;
import io.gcam.rest.UnauthenticatedException;
import io.gcam.rest.spi.ActorResolver;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import java.util.Optional;

/** Resolves {@code Authorization: Bearer <token>} through the portal's sessions. */
final class BearerTokenResolver implements ActorResolver {

    private static final String PREFIX = "bearer ";

    private final Sessions sessions;

    BearerTokenResolver(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<Actor> resolve(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return Optional.empty();
        }
        if (!authorization.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            throw new UnauthenticatedException();
        }
        String token = authorization.substring(PREFIX.length()).trim();
        return Optional.of(sessions.actorOf(token).orElseThrow(UnauthenticatedException::new));
    }
}
