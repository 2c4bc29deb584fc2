package io.gcam.benchmarks.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
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
import io.gcam.profile.Address;
import io.gcam.profile.ContactChannel;
import io.gcam.profile.Education;
import io.gcam.profile.Gender;
import io.gcam.profile.LanguageSkill;
import io.gcam.profile.PreferredLanguage;
import io.gcam.profile.Proficiency;
import io.gcam.profile.Profile;
import io.gcam.profile.ProfileData;
import io.gcam.profile.ProfileService;
import io.gcam.profile.jdbc.JdbcProfileStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Saving a new version of a full profile and loading it back, against plain JDBC doing the same
 * with the same data as clear JSON text.
 *
 * <ul>
 *   <li>{@link #gcamSaveLoad()}: {@link ProfileService#update} (Bean Validation, document-number
 *       check, change detection against the decrypted current version, JSON, AES-256-GCM
 *       encryption bound to the row, blind-index token, compare-and-set {@code UPDATE} and the
 *       history {@code INSERT} in one {@link LocalTransactions} transaction) then
 *       {@link ProfileService#get} (read, decrypt, parse). No audit trail (its cost is measured
 *       by the audit scenario).</li>
 *   <li>{@link #baselineSaveLoad()}: serialize the same data with Jackson, {@code UPDATE ... SET
 *       data = ?, version = version + 1 WHERE id = ? AND version = ?} in a transaction, then
 *       {@code SELECT} and parse: the least a versioned JSON profile store does.</li>
 *   <li>{@link #gcamLoad()} / {@link #baselineLoad()}: the load half alone.</li>
 * </ul>
 * Fresh in-memory H2 per trial, like the core benchmarks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProfileSaveLoadBenchmark {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private HikariDataSource pool;
    private BeanValidation validation;
    private ProfileService profiles;
    private final Actor owner = Actor.applicant("bench-applicant");
    private Profile current;
    private long baselineVersion;
    private int round;

    /** Opens a fresh database and creates one profile (and one baseline row). */
    @Setup(Level.Trial)
    public void setUp() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:gcam-bench-profile-" + UUID.randomUUID());
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(8);
        config.setMaxLifetime(0);
        config.setPoolName("bench-profile");
        pool = new HikariDataSource(config);
        Migrations.migrate(pool, "profile");
        execute("CREATE TABLE bench_profile (id VARCHAR(36) NOT NULL PRIMARY KEY, data TEXT NOT NULL,"
                + " version BIGINT NOT NULL)");
        LocalTransactions tx = LocalTransactions.over(pool);
        validation = BeanValidation.create();
        profiles = ProfileService.builder()
                .store(JdbcProfileStore.create(tx.dataSource()))
                .cipher(FieldCipher.create(ConfiguredKeyProvider.of("e1", Map.of("e1", key(1)))))
                .blindIndex(BlindIndex.create(ConfiguredKeyProvider.of("i1", Map.of("i1", key(2)))))
                .validation(validation)
                .transactions(tx)
                .build();
        Instant now = Instant.now();
        VerifiedIdentity eid = VerifiedIdentity.builder().subjectId(owner.subjectId()).method(VerificationMethod.OIDC)
                .level(AssuranceLevel.SUBSTANTIAL)
                .attributes(VerifiedAttributes.builder().familyName("CHAN").givenNames("Tai Man")
                        .nameInChinese("陳大文").dateOfBirth(LocalDate.of(1990, 5, 17))
                        .residencyStatus(ResidencyStatus.PERMANENT_RESIDENT)
                        .document(new IdentityDocument(IdentityDocumentType.MACAU_RESIDENT_IDENTITY_CARD, "51234567"))
                        .build())
                .verifiedAt(now.minusSeconds(1)).expiresAt(now.plus(Duration.ofDays(1))).build();
        current = profiles.create(owner, eid, data(0, ProfileData.EMPTY));
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO bench_profile (id, data, version) VALUES (?, ?, 1)")) {
            ps.setString(1, current.id().value());
            ps.setString(2, JSON.writeValueAsString(current.data()));
            ps.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        baselineVersion = 1;
    }

    /** Closes the database. */
    @TearDown(Level.Trial)
    public void tearDown() {
        validation.close();
        pool.close();
    }

    /** @return the profile as loaded after saving a new version */
    @Benchmark
    public Profile gcamSaveLoad() {
        Profile saved = profiles.update(owner, current.id(), current.version(), data(++round, current.data()));
        current = saved;
        return profiles.get(owner, saved.id());
    }

    /**
     * @return the data as loaded after saving a new version
     * @throws Exception when the database or Jackson fails
     */
    @Benchmark
    public ProfileData baselineSaveLoad() throws Exception {
        ProfileData next = data(++round, current.data());
        String json = JSON.writeValueAsString(next);
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE bench_profile SET data = ?, version = version + 1 WHERE id = ? AND version = ?")) {
                ps.setString(1, json);
                ps.setString(2, current.id().value());
                ps.setLong(3, baselineVersion);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("stale");
                }
                c.commit();
                baselineVersion++;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        return baselineLoad();
    }

    /** @return the profile, decrypted */
    @Benchmark
    public Profile gcamLoad() {
        return profiles.get(owner, current.id());
    }

    /**
     * @return the data, parsed
     * @throws Exception when the database or Jackson fails
     */
    @Benchmark
    public ProfileData baselineLoad() throws Exception {
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT data, version FROM bench_profile WHERE id = ?")) {
            ps.setString(1, current.id().value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return JSON.readValue(rs.getString(1), ProfileData.class);
            }
        }
    }

    /** @return the current version of the GCAM profile (for the smoke test) */
    long version() {
        return current.version();
    }

    /** A full profile whose phone number changes with {@code round}, so every save is a new version. */
    private static ProfileData data(int round, ProfileData base) {
        return base.toBuilder()
                .gender(Gender.MALE).nationality("CN").email("chan.taiman@example.mo")
                .phone("+8536" + String.format("%07d", round % 10_000_000))
                .address(new Address("Avenida da Praia Grande 123, 5 andar A", null, "Macau", null, null, "MO"))
                .preferredLanguage(PreferredLanguage.TRADITIONAL_CHINESE).preferredChannel(ContactChannel.EMAIL)
                .education(List.of(new Education("University of Macau", "Bachelor of Laws", "Law", 2012),
                        new Education("Pui Ching Middle School", "Secondary school diploma", null, 2008)))
                .languageSkills(List.of(new LanguageSkill("yue", Proficiency.NATIVE),
                        new LanguageSkill("pt", Proficiency.B2), new LanguageSkill("en", Proficiency.C1)))
                .build();
    }

    private void execute(String sql) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 37 + i);
        }
        return key;
    }
}
