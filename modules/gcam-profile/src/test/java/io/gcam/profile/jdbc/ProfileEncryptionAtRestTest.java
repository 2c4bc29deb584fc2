package io.gcam.profile.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.Actor;
import io.gcam.core.GcamException;
import io.gcam.profile.Address;
import io.gcam.profile.Profile;
import io.gcam.profile.ProfileData;
import io.gcam.profile.ProfileFixtures;
import io.gcam.profile.ProfileService;
import io.gcam.profile.ProfileSnapshot;
import io.gcam.testsupport.db.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an attacker with a database dump sees, and what a ciphertext moved to another row gives. */
class ProfileEncryptionAtRestTest {

    static final List<String> PLAINTEXTS = List.of("CHANQXDUMP", "TaiManQxDump", "陳大文測", "1990-05-17", "51234567",
            "ana.canary@example.mo", "+85361234567", "Rua do Canário 7");

    DataSource ds;
    ProfileService profiles;
    Actor ana = Actor.applicant("ana");
    Actor bob = Actor.applicant("bob");

    @BeforeEach
    void setUp() {
        ds = TestDatabases.h2().dataSource();
        profiles = ProfileFixtures.service(ds);
    }

    @Test
    void aDatabaseDumpShowsOnlyCiphertextForPersonalData() throws Exception {
        Profile profile = profiles.create(ana, ProfileFixtures.eid("ana", "51234567", "CHANQXDUMP", "TaiManQxDump", "陳大文測"),
                ProfileData.builder()
                .email("ana.canary@example.mo").phone("+85361234567")
                .address(new Address("Rua do Canário 7", null, "Macau", null, null, "MO")).build());
        profiles.attachSnapshot(ana, profile.id(), "APP-1", "DSAJ");

        StringBuilder dump = new StringBuilder();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SCRIPT")) {
            while (rs.next()) {
                dump.append(rs.getString(1)).append('\n');
            }
        }
        String text = dump.toString();
        assertThat(text).contains("INSERT INTO \"PUBLIC\".\"GCAM_PROFILE\"", "GCAM_PROFILE_SNAPSHOT");
        for (String plaintext : PLAINTEXTS) {
            assertThat(text).as("dump must not contain %s", plaintext).doesNotContain(plaintext);
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT data_enc, document_idx FROM gcam_profile")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).matches("[A-Za-z0-9_-]{100,}");
            assertThat(rs.getString(2)).matches("[A-Za-z0-9_-]{43}");
        }
    }

    @Test
    void aCiphertextCopiedToAnotherRowFailsToDecrypt() throws Exception {
        Profile anas = profiles.create(ana, ProfileFixtures.eid("ana", "51234567"), ProfileData.EMPTY);
        Profile bobs = profiles.create(bob, ProfileFixtures.eid("bob", "52345678"), ProfileData.EMPTY);
        ProfileSnapshot anaSnapshot = profiles.attachSnapshot(ana, anas.id(), "APP-1", "DSAJ");
        ProfileSnapshot bobSnapshot = profiles.attachSnapshot(bob, bobs.id(), "APP-2", "DSAJ");

        copy("gcam_profile", "profile_id", anas.id().value(), bobs.id().value());
        copy("gcam_profile_snapshot", "snapshot_id", anaSnapshot.id().value(), bobSnapshot.id().value());

        assertThatThrownBy(() -> profiles.get(bob, bobs.id()))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("DECRYPTION_FAILED"));
        assertThatThrownBy(() -> profiles.snapshot(Actor.staff("clerk", "DSAJ", "clerk"), bobSnapshot.id()))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("DECRYPTION_FAILED"));
        assertThat(profiles.get(ana, anas.id()).data().familyName()).isEqualTo("CHAN");
    }

    private void copy(String table, String key, String fromId, String toId) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE " + table
                + " SET data_enc = (SELECT data_enc FROM " + table + " WHERE " + key + " = ?) WHERE " + key + " = ?")) {
            ps.setString(1, fromId);
            ps.setString(2, toId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
