package io.gcam.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.core.ReferenceNumber;
import io.gcam.core.ReferenceNumberGenerator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reference numbers on the real JDBC store and migration, on H2 (PostgreSQL: see gcam-testkit). */
class JdbcReferenceNumberTest {

    private static int databases;
    private JdbcDataSource dataSource;

    @BeforeEach
    void migrate() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:core_refnum_" + (++databases) + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(dataSource, "core");
    }

    @Test
    void issuesNumbersFromTheSequenceTableAndRestartsEachYear() throws SQLException {
        ReferenceNumberGenerator in2025 = generator(Instant.parse("2025-12-31T15:59:59Z"));
        ReferenceNumberGenerator in2026 = generator(Instant.parse("2025-12-31T16:00:00Z"));

        ReferenceNumber a = in2025.next();
        ReferenceNumber b = in2025.next();
        ReferenceNumber c = in2026.next();

        assertThat(a.value()).startsWith("REC-2025-000001-");
        assertThat(b.value()).startsWith("REC-2025-000002-");
        assertThat(c.value()).startsWith("REC-2026-000001-");
        assertThat(in2026.isValid(a.value())).isTrue();
        assertThat(rows()).containsExactly(Map.entry("application/2025", 2L), Map.entry("application/2026", 1L));
    }

    @Test
    void documentedExample() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-07T02:00:00Z"), ZoneOffset.UTC);
        // docs/modules/core.md, "Reference numbers"
        // tag::reference-numbers[]
        Migrations.migrate(dataSource, "core");
        ReferenceNumberGenerator applications = ReferenceNumberGenerator.builder()
                .name("application")                        // series: application/<year>
                .format("REC-[cy:yyyy]-[SEQ:6]-[CHK]")      // ISO 7064 MOD 97-10 check digits
                .store(JdbcSequenceStore.create(dataSource)) // its own short transaction per number
                .clock(clock)                                // dates in Asia/Macau unless .zone(...)
                .build();

        ReferenceNumber number = applications.next();
        boolean typedCorrectly = applications.isValid("REC-2026-000001-07");
        boolean typo = applications.isValid("REC-2026-000010-07");
        // end::reference-numbers[]

        assertThat(number.value()).isEqualTo("REC-2026-000001-07");
        assertThat(number.series()).isEqualTo("application/2026");
        assertThat(typedCorrectly).isTrue();
        assertThat(typo).isFalse();
    }

    private ReferenceNumberGenerator generator(Instant now) {
        return ReferenceNumberGenerator.builder()
                .name("application")
                .format("REC-[cy:yyyy]-[SEQ:6]-[CHK]")
                .store(JdbcSequenceStore.create(dataSource))
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .build();
    }

    private Map<String, Long> rows() throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT series, last_value FROM gcam_sequence ORDER BY series")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2));
            }
        }
        return rows;
    }
}
