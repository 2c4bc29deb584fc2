package io.gcam.rest.identity;

import io.gcam.core.Actor;
import io.gcam.core.NotFoundException;
import io.gcam.identity.IdentityLinks;
import io.gcam.identity.VerifiedAttributes;
import io.gcam.identity.VerifiedIdentity;
import io.gcam.rest.RequestActor;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The caller's current verification. Register the resources of {@link #create} with the Jakarta REST
 * application, next to {@link io.gcam.rest.GcamRestFeature}.
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><th>method and path</th><th>who</th><th>answer</th></tr>
 *   <tr><td>{@code GET /api/v1/me/identity}</td><td>applicant</td><td>the strongest verification still
 *       valid: method, level, when, until when, and the names of the verified attributes (not their
 *       values); 404 {@code NOT_FOUND} when none is valid</td></tr>
 * </table>
 */
public final class IdentityResources {

    private IdentityResources() {
    }

    /**
     * @param identities where the verifications of each person are linked
     * @return the resource instances to register
     */
    public static Set<Object> create(IdentityLinks identities) {
        return Set.of(new MyIdentity(Objects.requireNonNull(identities, "identities")));
    }

    /**
     * A verification as the API shows it to the person.
     *
     * @param method how the identity was verified
     * @param level the assurance level
     * @param verifiedAt when
     * @param expiresAt until when it counts
     * @param verifiedAttributes which attributes were verified (names only)
     */
    public record IdentityDto(String method, String level, Instant verifiedAt, Instant expiresAt,
            List<String> verifiedAttributes) {

        static IdentityDto of(VerifiedIdentity identity) {
            VerifiedAttributes a = identity.attributes();
            List<String> names = new ArrayList<>();
            add(names, "familyName", a.familyName());
            add(names, "givenNames", a.givenNames());
            add(names, "nameInChinese", a.nameInChinese());
            add(names, "dateOfBirth", a.dateOfBirth());
            add(names, "document", a.document());
            add(names, "residencyStatus", a.residencyStatus());
            add(names, "email", a.email());
            add(names, "phone", a.phone());
            return new IdentityDto(identity.method().name(), identity.level().name(), identity.verifiedAt(),
                    identity.expiresAt(), names);
        }

        private static void add(List<String> names, String name, @org.jspecify.annotations.Nullable Object value) {
            if (value != null) {
                names.add(name);
            }
        }
    }

    /** {@code /api/v1/me/identity}. */
    @Path("/api/v1/me/identity")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class MyIdentity {
        private final IdentityLinks identities;

        MyIdentity(IdentityLinks identities) {
            this.identities = identities;
        }

        /**
         * @param security the request's security context
         * @return the caller's strongest valid verification
         */
        @GET
        public IdentityDto get(@Context SecurityContext security) {
            Actor actor = RequestActor.from(security);
            return identities.strongest(actor, actor.subjectId()).map(IdentityDto::of)
                    .orElseThrow(() -> new NotFoundException("identity", "me"));
        }
    }
}
