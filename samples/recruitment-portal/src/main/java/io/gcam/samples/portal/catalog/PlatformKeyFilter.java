package io.gcam.samples.portal.catalog;

import io.gcam.core.Actor;
import io.gcam.rest.ActorPrincipal;
import io.gcam.rest.RequestActor;
import io.gcam.rest.UnauthenticatedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;

/**
 * The agency backend's side of the platform's credentials: a request to
 * {@code /api/v1/single-window/} that carries {@value CatalogWiring#PLATFORM_KEY_HEADER} with the
 * right key acts as the platform; a wrong key is answered 401. It runs before the portal's bearer
 * tokens are resolved, and only for the single-window backend's paths. In production, use the
 * credentials your platform and agencies agree on (client certificates, OAuth client credentials)
 * and map them to an actor in your {@code ActorResolver}.
 */
final class PlatformKeyFilter implements ContainerRequestFilter {

    private static final String PATH = "api/v1/single-window/";

    private final byte[] key;
    private final Actor platform;

    PlatformKeyFilter(String key, Actor platform) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.platform = platform;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(CatalogWiring.PLATFORM_KEY_HEADER);
        String path = request.getUriInfo().getPath(false);
        if (given == null || !(path.startsWith(PATH) || path.startsWith("/" + PATH))) {
            return;
        }
        if (!MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8))) {
            throw new UnauthenticatedException();
        }
        request.setProperty(RequestActor.PROPERTY, platform);
        SecurityContext original = request.getSecurityContext();
        ActorPrincipal principal = new ActorPrincipal(platform);
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return platform.hasRole(role);
            }

            @Override
            public boolean isSecure() {
                return original.isSecure();
            }

            @Override
            public String getAuthenticationScheme() {
                return "X-Single-Window-Key";
            }
        });
    }
}
