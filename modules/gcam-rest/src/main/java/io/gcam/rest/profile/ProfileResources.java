package io.gcam.rest.profile;

import io.gcam.core.Actor;
import io.gcam.core.NotFoundException;
import io.gcam.identity.IdentityLinks;
import io.gcam.identity.InsufficientAssuranceException;
import io.gcam.identity.AssuranceLevel;
import io.gcam.identity.VerifiedIdentity;
import io.gcam.profile.ConsentId;
import io.gcam.profile.Profile;
import io.gcam.profile.ProfileService;
import io.gcam.rest.Idempotent;
import io.gcam.rest.IdempotentRequest;
import io.gcam.rest.RequestActor;
import io.gcam.rest.profile.ProfileDtos.ConsentDto;
import io.gcam.rest.profile.ProfileDtos.NewConsent;
import io.gcam.rest.profile.ProfileDtos.ProfileDataDto;
import io.gcam.rest.profile.ProfileDtos.ProfileDto;
import io.gcam.rest.profile.ProfileDtos.ProfileUpdate;
import io.gcam.rest.profile.ProfileDtos.VersionDto;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The applicant's own profile. Register the resources of {@link #create} with the Jakarta REST
 * application, next to {@link io.gcam.rest.GcamRestFeature}:
 *
 * <pre>{@code
 * ResourceConfig app = new ResourceConfig()
 *         .register(GcamRestFeature.builder().actorResolver(resolver).idempotentExecutor(executor).build())
 *         .registerInstances(ProfileResources.create(profileService, identityLinks));
 * }</pre>
 *
 * <table>
 *   <caption>Endpoints (all for the signed-in applicant; staff get 403)</caption>
 *   <tr><th>method and path</th><th>answer</th></tr>
 *   <tr><td>{@code GET /api/v1/me/profile}</td><td>the profile with version, locked fields and
 *       completeness; 404 {@code NOT_FOUND} before one is created</td></tr>
 *   <tr><td>{@code POST /api/v1/me/profile}</td><td>201, the profile created from the applicant's
 *       strongest valid verification (its verified attributes locked); 403
 *       {@code INSUFFICIENT_ASSURANCE} without one, 409 {@code PROFILE_EXISTS}; honours
 *       {@code Idempotency-Key}</td></tr>
 *   <tr><td>{@code PUT /api/v1/me/profile}</td><td>body {@code {version, data}}: the new version;
 *       409 {@code CONFLICT} when {@code version} is stale, 422 {@code PROFILE_FIELD_LOCKED}, 400
 *       {@code VALIDATION_FAILED} (errors by field, in the caller's language)</td></tr>
 *   <tr><td>{@code GET /api/v1/me/profile/history}</td><td>versions: who, when, which fields</td></tr>
 *   <tr><td>{@code GET /api/v1/me/profile/export}</td><td>everything held, as a JSON download</td></tr>
 *   <tr><td>{@code GET /api/v1/me/consents}</td><td>consents, withdrawn ones included</td></tr>
 *   <tr><td>{@code POST /api/v1/me/consents}</td><td>body {@code {purpose, agency}}: 201 consent;
 *       honours {@code Idempotency-Key}</td></tr>
 *   <tr><td>{@code DELETE /api/v1/me/consents/{id}}</td><td>the consent, withdrawn</td></tr>
 * </table>
 */
public final class ProfileResources {

    private ProfileResources() {
    }

    /**
     * @param profiles the profile service
     * @param identities where the applicant's verifications are linked; a profile is created from
     *     the strongest valid one
     * @return the resource instances to register
     */
    public static Set<Object> create(ProfileService profiles, IdentityLinks identities) {
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(identities, "identities");
        return Set.of(new MyProfile(profiles, identities), new MyConsents(profiles));
    }

    /** {@code /api/v1/me/profile}. */
    @Path("/api/v1/me/profile")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class MyProfile {
        private final ProfileService profiles;
        private final IdentityLinks identities;

        MyProfile(ProfileService profiles, IdentityLinks identities) {
            this.profiles = profiles;
            this.identities = identities;
        }

        /**
         * @param security the request's security context
         * @return the caller's profile
         */
        @GET
        public ProfileDto get(@Context SecurityContext security) {
            return dto(own(RequestActor.from(security)));
        }

        /**
         * @param body further data entered by the applicant (verified attributes replace it)
         * @param security the request's security context
         * @param idempotency the request's idempotency key, if any
         * @return 201 with the new profile
         */
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Idempotent
        public Response create(ProfileDataDto body, @Context SecurityContext security,
                @BeanParam IdempotentRequest idempotency) {
            Actor actor = RequestActor.from(security);
            return idempotency.run(body, () -> {
                VerifiedIdentity identity = identities.strongest(actor, actor.subjectId())
                        .orElseThrow(() -> new InsufficientAssuranceException(AssuranceLevel.LOW, null));
                Profile created = profiles.create(actor, identity, body.toData());
                return Response.created(URI.create("/api/v1/me/profile")).entity(dto(created)).build();
            });
        }

        /**
         * @param body the version it is based on and the new data
         * @param security the request's security context
         * @return the saved profile
         */
        @PUT
        @Consumes(MediaType.APPLICATION_JSON)
        public ProfileDto update(ProfileUpdate body, @Context SecurityContext security) {
            Actor actor = RequestActor.from(security);
            Profile current = own(actor);
            ProfileDataDto data = Objects.requireNonNullElseGet(body.data(),
                    () -> ProfileDataDto.of(io.gcam.profile.ProfileData.EMPTY));
            return dto(profiles.update(actor, current.id(), body.version(), data.toData()));
        }

        /**
         * @param security the request's security context
         * @return the versions, oldest first
         */
        @GET
        @Path("history")
        public List<VersionDto> history(@Context SecurityContext security) {
            Actor actor = RequestActor.from(security);
            return profiles.history(actor, own(actor).id()).stream().map(VersionDto::of).toList();
        }

        /**
         * @param security the request's security context
         * @return the export as a JSON attachment
         */
        @GET
        @Path("export")
        public Response export(@Context SecurityContext security) {
            String json = profiles.exportJson(RequestActor.from(security));
            return Response.ok(json, MediaType.APPLICATION_JSON_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"profile-export.json\"")
                    .header("Cache-Control", "no-store")
                    .build();
        }

        private Profile own(Actor actor) {
            return profiles.mine(actor).orElseThrow(() -> new NotFoundException("profile", "me"));
        }

        private ProfileDto dto(Profile profile) {
            return ProfileDto.of(profile, profiles.completeness(profile));
        }
    }

    /** {@code /api/v1/me/consents}. */
    @Path("/api/v1/me/consents")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class MyConsents {
        private final ProfileService profiles;

        MyConsents(ProfileService profiles) {
            this.profiles = profiles;
        }

        /**
         * @param security the request's security context
         * @return the caller's consents
         */
        @GET
        public List<ConsentDto> list(@Context SecurityContext security) {
            return profiles.consents(RequestActor.from(security)).stream().map(ConsentDto::of).toList();
        }

        /**
         * @param body purpose and agency
         * @param security the request's security context
         * @param idempotency the request's idempotency key, if any
         * @return 201 with the consent
         */
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Idempotent
        public Response grant(NewConsent body, @Context SecurityContext security,
                @BeanParam IdempotentRequest idempotency) {
            Actor actor = RequestActor.from(security);
            return idempotency.run(body, () -> {
                ConsentDto consent = ConsentDto.of(profiles.grantConsent(actor, body.purpose(), body.agency()));
                return Response.created(URI.create("/api/v1/me/consents/" + consent.id())).entity(consent).build();
            });
        }

        /**
         * @param id the consent id
         * @param security the request's security context
         * @return the withdrawn consent
         */
        @DELETE
        @Path("{id}")
        public ConsentDto withdraw(@PathParam("id") String id, @Context SecurityContext security) {
            return ConsentDto.of(profiles.withdrawConsent(RequestActor.from(security), new ConsentId(id)));
        }
    }
}
