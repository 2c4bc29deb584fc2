package io.gcam.records;

import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.DomainEvent;
import io.gcam.core.LocalizedText;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.JdbcSequenceStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.records.jdbc.JdbcRecordStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/** A records service on a real database, as an agency would wire it. */
final class Fixture {

    static final String AGENCY = "SAFP";
    static final String CLASS = "HR.RECRUITMENT";
    static final Actor CLERK = Actor.staff("clerk-1", AGENCY);
    static final Actor CLERK_2 = Actor.staff("clerk-2", AGENCY);
    static final Actor CLEARED = Actor.staff("cleared-1", AGENCY, RecordsRoles.CLEARANCE_CONFIDENTIAL);
    static final Actor OFFICER = Actor.staff("officer-1", AGENCY, RecordsRoles.RECORDS_OFFICER,
            RecordsRoles.CLEARANCE_SECRET);
    static final Actor OTHER_AGENCY = Actor.staff("dsal-1", "DSAL", RecordsRoles.CLEARANCE_SECRET,
            RecordsRoles.department("ARCHIVE"));

    final DataSource plain;
    final LocalTransactions tx;
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    final MapContentStore contents = new MapContentStore();
    final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    final AuditTrail audit;
    final RecordsService records;

    /** Migrates the database; call {@link #filePlan()} once per database. */
    Fixture(DataSource dataSource) {
        this(dataSource, UnaryOperator.identity());
    }

    /** As {@link #Fixture(DataSource)}, with further settings of the service's builder. */
    Fixture(DataSource dataSource, UnaryOperator<RecordsService.Builder> settings) {
        this.plain = dataSource;
        Migrations.migrate(dataSource, "core");
        Migrations.migrate(dataSource, "records");
        this.tx = LocalTransactions.over(dataSource);
        this.audit = AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build();
        this.records = settings.apply(RecordsService.builder()
                .store(JdbcRecordStore.create(tx.dataSource()))
                .contents(contents)
                .references(ReferenceNumberGenerator.builder()
                        .name("record")
                        .format("RM-[cy:yyyy]-[SEQ:6]")
                        .store(JdbcSequenceStore.create(dataSource))
                        .clock(clock)
                        .build())
                .audit(audit)
                .events(events::add)
                .transactions(tx)
                .clock(clock))
                .build();
    }

    Fixture filePlan() {
        records.defineClassification(OFFICER, new Classification(AGENCY, "HR", LocalizedText.english("Human resources"),
                null, null));
        records.defineClassification(OFFICER, new Classification(AGENCY, CLASS,
                LocalizedText.of("Recruitment", "招聘", "Recrutamento"), "HR", RetentionRule.years(10, DisposalAction.DESTROY)));
        records.defineClassification(OFFICER, new Classification(AGENCY, "HR.ARCHIVE",
                LocalizedText.english("Personnel files"), "HR", RetentionRule.years(5, DisposalAction.TRANSFER_TO_ARCHIVES)));
        records.defineClassification(OFFICER, new Classification(AGENCY, "HR.REVIEW",
                LocalizedText.english("Disputes"), "HR", RetentionRule.years(5, DisposalAction.REVIEW)));
        return this;
    }

    ManagedRecord register(String title, SecurityLevel level) {
        return records.register(OFFICER, NewRecord.builder(LocalizedText.english(title), CLASS)
                .department("HR").securityLevel(level).keywords("recruitment").build());
    }
}
