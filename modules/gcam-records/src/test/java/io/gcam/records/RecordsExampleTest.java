package io.gcam.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.AuditVerification;
import io.gcam.core.LocalizedText;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.SynchronousEventPublisher;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.JdbcSequenceStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.records.jdbc.JdbcRecordStore;
import io.gcam.testsupport.db.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quick start of docs/modules/records.md, compiled and run. */
class RecordsExampleTest {

    @Test
    void quickStart() {
        MapContentStore contentStore = new MapContentStore();
        ContentRef scannedLetter = contentStore.put("appointment letter");
        try (HikariDataSource pool = TestDatabases.h2().newPool(4)) {
            // tag::quickstart[]
            Migrations.migrate(pool, "core");
            Migrations.migrate(pool, "records");
            LocalTransactions tx = LocalTransactions.over(pool);
            RecordsService records = RecordsService.builder()
                    .store(JdbcRecordStore.create(tx.dataSource()))
                    .contents(contentStore)                       // your DMS or gcam-documents' blobs
                    .references(ReferenceNumberGenerator.builder().name("record")
                            .format("RM-[cy:yyyy]-[SEQ:6]").store(JdbcSequenceStore.create(pool)).build())
                    .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).build())
                    .events(SynchronousEventPublisher.create())
                    .transactions(tx)
                    .build();

            Actor officer = Actor.staff("officer-1", "SAFP", RecordsRoles.RECORDS_OFFICER);
            records.defineClassification(officer, new Classification("SAFP", "HR.RECRUITMENT",
                    LocalizedText.of("Recruitment", "招聘", "Recrutamento"), null,
                    RetentionRule.years(10, DisposalAction.DESTROY)));
            ManagedRecord letter = records.register(officer, NewRecord.builder(
                    LocalizedText.english("Appointment letter"), "HR.RECRUITMENT").department("HR").build());
            records.checkOut(officer, letter.id(), "scan the signed copy");
            records.checkIn(officer, letter.id(), scannedLetter, "signed copy");
            Transfer transfer = records.sendTransfer(officer, letter.id(), new Custodian("DSAL", "ARCHIVE"), "");
            records.acknowledge(Actor.staff("dsal-clerk", "DSAL", RecordsRoles.department("ARCHIVE")), transfer.id());

            List<CustodyEvent> timeline = records.custody(officer, letter.id(), 0, 100);
            AuditVerification proof = records.verifyCustody(officer, letter.id()); // proof.ok()
            // end::quickstart[]
            assertThat(timeline).extracting(CustodyEvent::action).containsExactly(CustodyAction.REGISTERED,
                    CustodyAction.CHECKED_OUT, CustodyAction.CHECKED_IN, CustodyAction.TRANSFER_SENT,
                    CustodyAction.TRANSFER_ACKNOWLEDGED);
            assertThat(proof.ok()).isTrue();
            assertThat(proof.entriesChecked()).isEqualTo(5);
        }
    }
}
