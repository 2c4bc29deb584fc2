package io.gcam.testkit.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.core.Actor;
import io.gcam.core.AuditEntry;
import io.gcam.core.AuditTrail;
import io.gcam.core.AuditVerification;
import io.gcam.core.LocalizedText;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.spi.TransactionRunner;
import io.gcam.records.Classification;
import io.gcam.records.CustodyAction;
import io.gcam.records.ManagedRecord;
import io.gcam.records.NewRecord;
import io.gcam.records.RecordsRoles;
import io.gcam.records.RecordsService;
import io.gcam.testkit.memory.InMemoryAuditStore;
import io.gcam.testkit.memory.InMemorySequenceStore;
import io.gcam.testkit.memory.RecordingEventPublisher;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The records service on the in-memory fakes, as an agency's unit tests would wire it. */
class InMemoryRecordsServiceTest {

    private static final Actor OFFICER = Actor.staff("officer-1", "SAFP", RecordsRoles.RECORDS_OFFICER);

    private final InMemoryRecordStore store = new InMemoryRecordStore();
    private final RecordingEventPublisher events = new RecordingEventPublisher();
    private RecordsService records;
    private ManagedRecord record;

    @BeforeEach
    void setUp() {
        records = RecordsService.builder()
                .store(store)
                .contents(new InMemoryContentStore())
                .references(ReferenceNumberGenerator.builder().name("record").format("RM-[SEQ:6]")
                        .store(new InMemorySequenceStore()).build())
                .audit(AuditTrail.builder().store(new InMemoryAuditStore()).build())
                .events(events)
                .transactions(new TransactionRunner() {
                    @Override
                    public <T> T inTransaction(Supplier<T> work) {
                        return work.get();
                    }
                })
                .build();
        records.defineClassification(OFFICER, new Classification("SAFP", "HR", LocalizedText.english("HR"), null, null));
        record = records.register(OFFICER, NewRecord.builder(LocalizedText.english("File"), "HR").build());
        records.moveTo(OFFICER, record.id(), "Shelf 1");
        records.moveTo(OFFICER, record.id(), "Shelf 2");
    }

    @Test
    void publishesADomainEventForEveryChange() {
        assertThat(events.events("records.registered")).hasSize(1);
        assertThat(events.events("records.location_changed")).hasSize(2);
    }

    @Test
    void detectsAnOverwrittenCustodyEntry() {
        AuditEntry second = store.custody(record.id(), 2, 1).get(0);
        store.overwriteCustody(record.id(), new AuditEntry(2, second.actor(), second.action(), second.objectType(),
                second.objectId(), second.at(), "{\"to\":\"Shredder\"}", second.previousHash(), second.hash()));

        AuditVerification result = records.verifyCustody(OFFICER, record.id());

        assertThat(result.failure().index()).isEqualTo(2);
        assertThat(result.failure().reason()).isEqualTo(AuditVerification.Reason.ENTRY_ALTERED);
    }

    @Test
    void detectsADeletedCustodyEntry() {
        store.deleteCustody(record.id(), 2);

        AuditVerification result = records.verifyCustody(OFFICER, record.id());

        assertThat(result.failure().index()).isEqualTo(2);
        assertThat(result.failure().reason()).isEqualTo(AuditVerification.Reason.ENTRY_MISSING);
        assertThat(records.custody(OFFICER, record.id(), 0, 10)).extracting(e -> e.action())
                .containsExactly(CustodyAction.REGISTERED, CustodyAction.LOCATION_CHANGED);
    }
}
