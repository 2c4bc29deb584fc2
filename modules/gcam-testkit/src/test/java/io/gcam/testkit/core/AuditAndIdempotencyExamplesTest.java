package io.gcam.testkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.core.Actor;
import io.gcam.core.AuditEntry;
import io.gcam.core.AuditHead;
import io.gcam.core.AuditTrail;
import io.gcam.core.AuditVerification;
import io.gcam.core.IdempotentExecutor;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.JdbcIdempotencyStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.testsupport.db.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The examples of docs/modules/core.md, compiled and run so that they never rot. */
class AuditAndIdempotencyExamplesTest {

    record Register(String activity) {
    }

    record Receipt(String registration) {
    }

    @Test
    void auditsAChangeInItsTransactionAndVerifiesTheTrail() {
        DataSource pooledDataSource = TestDatabases.h2().dataSource();

        // --- example: audit trail ---
        Migrations.migrate(pooledDataSource, "core");
        LocalTransactions transactions = LocalTransactions.over(pooledDataSource);
        AuditTrail audit = AuditTrail.builder()
                .store(new JdbcAuditStore(transactions.dataSource()))
                .clock(Clock.systemUTC())
                .build();
        Actor reviewer = Actor.staff("staff-7", "SAFP", "REVIEWER");

        transactions.inTransaction(() -> {
            // ... change the application through transactions.dataSource() ...
            audit.append(reviewer, "application.approved", "application", "APP-2026-0001", Map.of("level", 2));
        });

        AuditVerification check = audit.verify();      // check.ok(), or check.failure(): index and reason
        AuditHead anchor = audit.head();               // publish it outside the database, e.g. daily
        List<AuditEntry> history = audit.entriesFor("application", "APP-2026-0001", 0, 50);
        // --- end ---

        assertThat(check.ok()).isTrue();
        assertThat(anchor.index()).isEqualTo(1);
        assertThat(history).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("application.approved");
            assertThat(entry.details()).isEqualTo("{\"level\":2}");
        });
        assertThat(audit.verify(anchor).ok()).isTrue();
    }

    @Test
    void runsARequestOnceAndReplaysItsResult() {
        DataSource pooledDataSource = TestDatabases.h2().dataSource();
        Migrations.migrate(pooledDataSource, "core");
        AtomicInteger registrations = new AtomicInteger();

        // --- example: idempotency ---
        IdempotentExecutor idempotent = IdempotentExecutor.builder()
                .store(new JdbcIdempotencyStore(pooledDataSource))
                .clock(Clock.systemUTC())
                .retention(Duration.ofHours(24))       // the default
                .lockTimeout(Duration.ofMinutes(2))    // longer than the slowest operation
                .build();
        Actor applicant = Actor.applicant("applicant-42");
        Register request = new Register("EXAM-2026-01");

        Receipt first = idempotent.execute(applicant, "3f1c9e0a-client-key", request, Receipt.class,
                () -> new Receipt("REG-" + registrations.incrementAndGet()));
        Receipt repeat = idempotent.execute(applicant, "3f1c9e0a-client-key", request, Receipt.class,
                () -> new Receipt("REG-" + registrations.incrementAndGet()));   // not run: the stored receipt
        // --- end ---

        assertThat(first).isEqualTo(new Receipt("REG-1"));
        assertThat(repeat).isEqualTo(first);
        assertThat(registrations).hasValue(1);
    }
}
