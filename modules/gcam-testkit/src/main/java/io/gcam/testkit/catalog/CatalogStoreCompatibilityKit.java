package io.gcam.testkit.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.catalog.CaseRecord;
import io.gcam.catalog.CatalogException;
import io.gcam.catalog.Channel;
import io.gcam.catalog.Fee;
import io.gcam.catalog.Filing;
import io.gcam.catalog.Keywords;
import io.gcam.catalog.ProcessingTime;
import io.gcam.catalog.ServiceDefinition;
import io.gcam.catalog.ServiceEntry;
import io.gcam.catalog.ServiceStatus;
import io.gcam.catalog.Step;
import io.gcam.catalog.spi.CatalogStore;
import io.gcam.core.ConflictException;
import io.gcam.core.LocalizedText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CatalogStore}, as tests. Extend it and implement {@link #createStore()}:
 *
 * <pre>{@code
 * class MyCatalogStoreTest extends CatalogStoreCompatibilityKit {
 *     @Override
 *     protected CatalogStore createStore() {
 *         return new MyCatalogStore(dataSource);
 *     }
 * }
 * }</pre>
 *
 * <p>Every test uses service codes, agencies and applicants of its own, so the store may be backed
 * by a database shared between tests.
 */
public abstract class CatalogStoreCompatibilityKit {

    private static final Instant T0 = Instant.parse("2026-09-29T02:00:00Z");

    private CatalogStore store;
    private String agency;
    private String code;

    /** Creates the kit; the store comes from {@link #createStore()} before each test. */
    protected CatalogStoreCompatibilityKit() {
    }

    /**
     * Supplies the store under test; called before each test.
     *
     * @return a store, possibly on a backend shared with other tests
     */
    protected abstract CatalogStore createStore();

    /** Creates the store and a fresh agency and service code. */
    @BeforeEach
    void createStoreAndNames() {
        store = createStore();
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        agency = "AG" + suffix;
        code = "SVC-" + suffix;
    }

    private ServiceDefinition definition(String serviceCode, String name) {
        return ServiceDefinition.builder(serviceCode, agency)
                .name(LocalizedText.of(name, "公務人員招聘", "Recrutamento"))
                .description(LocalizedText.english("A service"))
                .keywords(Keywords.of(List.of("job"), List.of("招聘"), List.of("emprego")))
                .category("employment")
                .lifeEvent("looking-for-work")
                .step(new Step(LocalizedText.english("Apply"), LocalizedText.english("Online"), List.of("ID_CARD"),
                        List.of(new Fee(LocalizedText.english("Fee"), new BigDecimal("12.50"), "MOP")),
                        Set.of(Channel.ONLINE, Channel.KIOSK)))
                .processingTime(new ProcessingTime(1, 10))
                .applyOnlineUrl("https://example.org/apply")
                .build();
    }

    private ServiceEntry draft(int version) {
        return new ServiceEntry(definition(code, "Service v" + version), version, ServiceStatus.DRAFT, null, 1, T0, T0);
    }

    /** An inserted version reads back equal, with its whole definition. */
    @Test
    public void readsBackAnInsertedVersionUnchanged() {
        ServiceEntry entry = draft(1);
        store.insert(entry);

        assertThat(store.find(code, 1)).contains(entry);
        assertThat(store.find(code, 2)).isEmpty();
        assertThat(store.find("NO-" + code, 1)).isEmpty();
        assertThat(store.versions(code)).containsExactly(entry);
        assertThat(store.entries(agency)).containsExactly(entry);
    }

    /** A second version 1 of a code is SERVICE_CODE_TAKEN; a later duplicate version is CONFLICT. */
    @Test
    public void refusesADuplicateCodeAndVersion() {
        store.insert(draft(1));
        store.insert(draft(2));

        assertThatThrownBy(() -> store.insert(draft(1))).isInstanceOfSatisfying(CatalogException.class,
                e -> assertThat(e.code()).isEqualTo("SERVICE_CODE_TAKEN"));
        assertThatThrownBy(() -> store.insert(draft(2))).isInstanceOf(ConflictException.class);
        assertThat(store.versions(code)).extracting(ServiceEntry::version).containsExactly(1, 2);
    }

    /** Updates are compare-and-set on the revision. */
    @Test
    public void updatesOnlyTheExpectedRevision() {
        ServiceEntry v1 = draft(1);
        store.insert(v1);
        ServiceEntry published = v1.with(ServiceStatus.PUBLISHED, LocalDate.of(2026, 9, 29), T0.plusSeconds(60));

        assertThat(store.update(published, 1)).isTrue();
        assertThat(store.update(published.with(ServiceStatus.RETIRED, published.effectiveFrom(), T0), 1)).isFalse();
        assertThat(store.find(code, 1)).contains(published);
        assertThat(store.published()).contains(published);
        assertThat(store.update(new ServiceEntry(definition("NO-" + code, "x"), 1, ServiceStatus.DRAFT, null, 2, T0, T0), 1))
                .isFalse();
    }

    /** Of two racing updates of the same revision exactly one wins. */
    @Test
    public void letsOneOfTwoRacingUpdatesWin() throws Exception {
        ServiceEntry v1 = draft(1);
        store.insert(v1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CyclicBarrier barrier = new CyclicBarrier(8);
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ServiceEntry next = v1.with(definition(code, "Racer " + i), T0.plusSeconds(i));
                results.add(pool.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    return store.update(next, 1);
                }));
            }
            int won = 0;
            for (Future<Boolean> r : results) {
                won += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
            assertThat(store.find(code, 1).orElseThrow().revision()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Lists are ordered: versions oldest first, entries by code then version, published only published. */
    @Test
    public void listsVersionsAndEntriesInOrder() {
        String other = code + "-B";
        store.insert(new ServiceEntry(definition(other, "B"), 1, ServiceStatus.DRAFT, null, 1, T0, T0));
        store.insert(draft(2));
        store.insert(draft(1));
        store.update(store.find(other, 1).orElseThrow().with(ServiceStatus.PUBLISHED, LocalDate.of(2026, 10, 1), T0), 1);

        assertThat(store.versions(code)).extracting(ServiceEntry::version).containsExactly(1, 2);
        assertThat(store.entries(agency)).extracting(e -> e.code() + "/" + e.version())
                .containsExactly(code + "/1", code + "/2", other + "/1");
        assertThat(store.published()).filteredOn(e -> e.agency().equals(agency)).extracting(ServiceEntry::code)
                .containsExactly(other);
        assertThat(store.entries(null)).extracting(ServiceEntry::code).contains(code, other);
    }

    /** The change count grows with every successful insert and update, not with failed ones. */
    @Test
    public void countsChanges() {
        long before = store.changeCount();
        store.insert(draft(1));
        long afterInsert = store.changeCount();
        store.update(draft(1).with(ServiceStatus.PUBLISHED, LocalDate.of(2026, 9, 29), T0), 1);
        long afterUpdate = store.changeCount();

        assertThat(afterInsert).isGreaterThan(before);
        assertThat(afterUpdate).isGreaterThan(afterInsert);
    }

    /** Filings are listed newest first per applicant, once per agency and application id. */
    @Test
    public void keepsFilingsPerApplicant() {
        String applicant = "citizen-" + UUID.randomUUID();
        Filing first = new Filing(UUID.randomUUID().toString(), applicant, code, agency, "APP-" + code + "-1", "R-1", T0);
        Filing second = new Filing(UUID.randomUUID().toString(), applicant, code, agency, "APP-" + code + "-2", "R-2",
                T0.plusSeconds(5));
        store.insertFiling(first);
        store.insertFiling(second);

        assertThat(store.filingsOf(applicant)).containsExactly(second, first);
        assertThat(store.filingsOf("nobody-" + applicant)).isEmpty();
        assertThatThrownBy(() -> store.insertFiling(new Filing(UUID.randomUUID().toString(), applicant, code, agency,
                "APP-" + code + "-1", "R-3", T0))).isInstanceOf(ConflictException.class);
        assertThat(store.filingsOf(applicant)).hasSize(2);
    }

    /** Case records are kept once per application and completed once; queries cover received or completed. */
    @Test
    public void recordsCasesOnceAndFindsThemByPeriod() {
        String app = "APP-" + code;
        CaseRecord received = new CaseRecord(app, code, agency, T0, null);

        assertThat(store.recordReceived(received)).isTrue();
        assertThat(store.recordReceived(new CaseRecord(app, code, agency, T0.plusSeconds(9), null))).isFalse();
        assertThat(store.recordCompleted("NO-" + app, T0)).isFalse();
        Instant later = T0.plusSeconds(40 * 86_400L);
        assertThat(store.recordCompleted(app, later)).isTrue();
        assertThat(store.recordCompleted(app, later.plusSeconds(1))).isFalse();

        CaseRecord completed = new CaseRecord(app, code, agency, T0, later);
        assertThat(store.cases(code, T0, T0.plusSeconds(1))).containsExactly(completed);
        assertThat(store.cases(code, later, later.plusSeconds(1))).containsExactly(completed);
        assertThat(store.cases(code, T0.plusSeconds(1), later)).isEmpty();
        assertThat(store.cases("NO-" + code, T0, later.plusSeconds(1))).isEmpty();
    }
}
