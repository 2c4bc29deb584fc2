package io.gcam.profile;

import io.gcam.core.BeanValidation;
import io.gcam.core.BlindIndex;
import io.gcam.core.ConfiguredKeyProvider;
import io.gcam.core.FieldCipher;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.identity.AssuranceLevel;
import io.gcam.identity.IdentityDocument;
import io.gcam.identity.IdentityDocumentType;
import io.gcam.identity.ResidencyStatus;
import io.gcam.identity.VerificationMethod;
import io.gcam.identity.VerifiedAttributes;
import io.gcam.identity.VerifiedIdentity;
import io.gcam.profile.jdbc.JdbcProfileStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Shared test set-up: keys, verified identities and a JDBC-backed service. */
public final class ProfileFixtures {

    /** The fixed instant fixtures start at. */
    public static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final BeanValidation VALIDATION = BeanValidation.create();

    private ProfileFixtures() {
    }

    /** A service on {@code ds} (migrated here), each store call on its own. */
    public static ProfileService service(DataSource ds) {
        return service(ds, null);
    }

    /** A service on {@code ds} (migrated here) using {@code tx} when given. */
    public static ProfileService service(DataSource ds, @Nullable LocalTransactions tx) {
        Migrations.migrate(ds, "profile");
        ProfileService.Builder builder = ProfileService.builder()
                .store(JdbcProfileStore.create(tx == null ? ds : tx.dataSource()))
                .cipher(cipher())
                .blindIndex(blindIndex())
                .validation(VALIDATION)
                .clock(new MutableClock(T0));
        if (tx != null) {
            builder.transactions(tx);
        }
        return builder.build();
    }

    public static FieldCipher cipher() {
        return FieldCipher.create(ConfiguredKeyProvider.of("enc-1", Map.of("enc-1", key(7))));
    }

    public static BlindIndex blindIndex() {
        return BlindIndex.create(ConfiguredKeyProvider.of("idx-1", Map.of("idx-1", key(11))));
    }

    static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }

    /** An eID verification of SUBSTANTIAL level with names, birth date, a Macao ID card and residency. */
    public static VerifiedIdentity eid(String subject, String idNumber) {
        return eid(subject, idNumber, "CHAN", "Tai Man", "陳大文");
    }

    /** An eID verification of SUBSTANTIAL level with the given names. */
    public static VerifiedIdentity eid(String subject, String idNumber, String family, String given, String chinese) {
        return VerifiedIdentity.builder()
                .subjectId(subject)
                .method(VerificationMethod.OIDC)
                .level(AssuranceLevel.SUBSTANTIAL)
                .attributes(VerifiedAttributes.builder()
                        .familyName(family)
                        .givenNames(given)
                        .nameInChinese(chinese)
                        .dateOfBirth(LocalDate.of(1990, 5, 17))
                        .document(new IdentityDocument(IdentityDocumentType.MACAU_RESIDENT_IDENTITY_CARD, idNumber))
                        .residencyStatus(ResidencyStatus.PERMANENT_RESIDENT)
                        .build())
                .verifiedAt(T0.minus(Duration.ofMinutes(1)))
                .expiresAt(T0.plus(Duration.ofHours(1)))
                .build();
    }
}
