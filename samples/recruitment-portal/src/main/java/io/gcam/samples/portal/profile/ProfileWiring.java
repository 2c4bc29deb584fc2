package io.gcam.samples.portal.profile;

import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.BeanValidation;
import io.gcam.core.BlindIndex;
import io.gcam.core.ConfiguredKeyProvider;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.FieldCipher;
import io.gcam.core.GcamException;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.identity.IdentityLinks;
import io.gcam.profile.ProfileData;
import io.gcam.profile.ProfileService;
import io.gcam.profile.jdbc.JdbcProfileStore;
import io.gcam.registration.spi.ApplicantFacts;
import io.gcam.registration.spi.ApplicantProfile;
import io.gcam.rest.profile.ProfileResources;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import javax.sql.DataSource;
import org.glassfish.jersey.server.ResourceConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires gcam-profile into the portal: the profile API under {@code /api/v1/me} (gcam-rest's
 * {@link ProfileResources}) and the profile page at {@code /profile}. Personal data is encrypted
 * with the key in {@code GCAM_PROFILE_KEY}; the identity-document lookup token uses
 * {@code GCAM_PROFILE_INDEX_KEY} (each 32 bytes in Base64; demo mode uses fixed demo keys when unset; in production mode the
 * profile is disabled, with a warning, until both are set).
 */
public final class ProfileWiring {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileWiring.class);

    /**
     * The demo's qualification scale: the codes the profile page offers as the qualification, and
     * their levels on the scale the registration's eligibility rules compare.
     */
    public static final Map<String, Integer> QUALIFICATION_LEVELS = Map.of(
            "SECONDARY", 3, "ASSOCIATE", 4, "BACHELOR", 5, "MASTER", 6, "DOCTORATE", 7);

    private ProfileWiring() {
    }

    /**
     * The eligibility facts of applicants from their own profiles: date of birth, residency status
     * ({@code PERMANENT}, {@code NON_PERMANENT}, {@code NON_RESIDENT}) and the highest qualification
     * level on {@link #QUALIFICATION_LEVELS}. An applicant without a profile is unknown; a fact the
     * profile lacks is unknown ({@code null}), so a rule that needs it asks to complete the profile.
     *
     * @param profiles the profile service, or {@code null} when the profile is disabled
     * @return the facts
     */
    public static ApplicantFacts applicantFacts(@Nullable ProfileService profiles) {
        if (profiles == null) {
            return ApplicantFacts.NONE;
        }
        return applicantId -> profiles.mine(Actor.applicant(applicantId)).map(profile -> {
            ProfileData data = profile.data();
            Integer level = data.education().stream().map(e -> QUALIFICATION_LEVELS.get(e.qualification()))
                    .filter(java.util.Objects::nonNull).max(Integer::compare).orElse(null);
            String residency = data.residencyStatus() == null ? null
                    : data.residencyStatus().name().replace("_RESIDENT", "");
            return ApplicantProfile.of(applicantId, data.dateOfBirth(), residency, level);
        });
    }

    /**
     * Migrates the profile tables and registers the API and the page.
     *
     * @param config the portal's resource configuration
     * @param tx the portal's transactions
     * @param clock the clock
     * @param env environment variables (keys)
     * @param demo whether the portal runs in demo mode
     * @param identities where sign-ins are linked (a profile is created from the strongest)
     * @return the profile service; {@code null} when the profile is disabled (production mode without
     *     its keys)
     */
    public static @Nullable ProfileService register(ResourceConfig config, LocalTransactions tx, Clock clock,
            Map<String, String> env, boolean demo, IdentityLinks identities) {
        byte[] dataKey = key(env, "GCAM_PROFILE_KEY", demo);
        byte[] indexKey = key(env, "GCAM_PROFILE_INDEX_KEY", demo);
        if (dataKey == null || indexKey == null) {
            LOG.warn("GCAM_PROFILE_KEY or GCAM_PROFILE_INDEX_KEY is not set: the profile is disabled; set each to 32"
                    + " random bytes in Base64 (e.g. openssl rand -base64 32)");
            return null;
        }
        DataSource ds = tx.dataSource();
        Migrations.migrate(ds, "profile");
        ProfileService service = ProfileService.builder()
                .store(JdbcProfileStore.create(ds))
                .cipher(FieldCipher.create(ConfiguredKeyProvider.of("profile-1",
                        Map.of("profile-1", dataKey))))
                .blindIndex(BlindIndex.create(ConfiguredKeyProvider.of("profile-index-1",
                        Map.of("profile-index-1", indexKey))))
                .validation(BeanValidation.create())
                .audit(AuditTrail.builder().store(new JdbcAuditStore(ds)).clock(clock).build())
                .clock(clock)
                .transactions(tx)
                .build();
        config.registerInstances(ProfileResources.create(service, identities));
        config.register(new ProfilePage());
        return service;
    }

    private static byte @Nullable [] key(Map<String, String> env, String name, boolean demo) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            if (!demo) {
                return null;
            }
            try { // demo only: a fixed key, so demo data survives restarts
                return MessageDigest.getInstance("SHA-256")
                        .digest(("gcam-portal-demo-key:" + name).getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            byte[] key = Base64.getDecoder().decode(value.trim());
            if (key.length != 32) {
                throw new IllegalArgumentException("length");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, e,
                    name + " must be 32 bytes in Base64 (e.g. openssl rand -base64 32)");
        }
    }
}
