package io.gcam.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.Actor;
import io.gcam.core.GcamException;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.workflow.Application;
import io.gcam.workflow.HistoryEntry;
import io.gcam.workflow.spi.ApplicationQuery;
import io.gcam.workflow.spi.ApplicationStore;
import io.gcam.workflow.spi.InquirySecrets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of gcam-workflow's {@link ApplicationStore}, as tests. Extend it and implement
 * {@link #createStore()}:
 *
 * <pre>{@code
 * class MyApplicationStoreTest extends ApplicationStoreCompatibilityKit {
 *     @Override
 *     protected ApplicationStore createStore() {
 *         return new MyApplicationStore(dataSource);
 *     }
 * }
 * }</pre>
 *
 * <p>Every test uses ids, reference numbers and an agency of its own, so the store may be backed
 * by a database shared between tests. The concurrency test races {@link #threads()} threads in
 * this JVM; the guarantee across application instances needs a test against the real backend
 * (see gcam-workflow's {@code WorkflowRacePostgresTest}).
 */
public abstract class ApplicationStoreCompatibilityKit {

    private static final Instant T0 = Instant.parse("2026-09-29T02:00:00.123456Z");

    private ApplicationStore store;
    private String prefix;
    private String agency;
    private ExecutorService executor;

    /** Creates the kit; the store comes from {@link #createStore()} before each test. */
    protected ApplicationStoreCompatibilityKit() {
    }

    /**
     * Supplies the store under test; called before each test.
     *
     * @return a store, possibly on a backend shared with other tests
     */
    protected abstract ApplicationStore createStore();

    /**
     * The number of threads the concurrency test races. Default 8.
     *
     * @return the number of threads
     */
    protected int threads() {
        return 8;
    }

    @BeforeEach
    void createStoreAndPrefix() {
        store = createStore();
        prefix = UUID.randomUUID().toString().substring(0, 8);
        agency = "AG" + prefix;
        executor = Executors.newFixedThreadPool(threads());
    }

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }

    private Application application(String name, String state, @Nullable LocalDate stateDueOn, Instant submitted) {
        return new Application(prefix + "-" + name, "REF-" + prefix + "-" + name, "recruitment", 1, "citizen-" + name,
                agency, state, "{\"name\":\"" + name + "\"}", null, stateDueOn, null, submitted, submitted, 1,
                "citizen-" + name, null, List.of(), null);
    }

    private static HistoryEntry submitted(Application a) {
        return new HistoryEntry(a.id(), 1, a.submittedAt(), a.applicantId(), Actor.Kind.APPLICANT, "submit", null,
                a.state(), null);
    }

    private static Application next(Application a, String state, @Nullable LocalDate due, String actor,
            List<String> approvers) {
        return new Application(a.id(), a.referenceNumber(), a.type(), a.definitionVersion(), a.applicantId(),
                a.agency(), state, a.formData(), "staff-x", due, LocalDate.of(2026, 12, 31), a.submittedAt(),
                a.updatedAt().plusSeconds(60), a.version() + 1, actor, approvers.isEmpty() ? null : "approve",
                approvers, null);
    }

    private static HistoryEntry entry(Application after, String from, String comment) {
        return new HistoryEntry(after.id(), after.version(), after.updatedAt(), after.lastActorId(), Actor.Kind.STAFF,
                "act", from, after.state(), comment);
    }

    private Application insert(String name, String state, @Nullable LocalDate due) {
        Application a = application(name, state, due, T0);
        store.insert(a, submitted(a), InquirySecrets.none());
        return a;
    }

    @Test
    void returnsAnInsertedApplicationUnchangedByIdAndByReference() {
        Application a = application("a", "submitted", LocalDate.of(2026, 10, 5), T0);
        store.insert(a, submitted(a), new InquirySecrets("pbkdf2$1$salt$hash", "pbkdf2$1$salt$dob"));
        assertThat(store.find(a.id())).contains(a);
        assertThat(store.findByReference(a.referenceNumber())).contains(a);
        assertThat(store.inquirySecrets(a.id())).isEqualTo(new InquirySecrets("pbkdf2$1$salt$hash", "pbkdf2$1$salt$dob"));
        assertThat(store.inquirySecrets(prefix + "-missing")).isEqualTo(InquirySecrets.none());
        assertThat(store.history(a.id())).containsExactly(submitted(a));
        assertThat(store.find(prefix + "-missing")).isEmpty();
        assertThat(store.findByReference("REF-" + prefix + "-missing")).isEmpty();
        assertThat(store.history(prefix + "-missing")).isEmpty();
    }

    @Test
    void refusesASecondApplicationWithTheSameReferenceNumber() {
        Application a = insert("a", "submitted", null);
        Application clash = new Application(prefix + "-b", a.referenceNumber(), "recruitment", 1, "citizen-b", agency,
                "submitted", "{}", null, null, null, T0, T0, 1, null, null, List.of(), null);
        assertThatThrownBy(() -> store.insert(clash, submitted(clash), InquirySecrets.none()))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("CONFLICT"));
        assertThat(store.find(clash.id())).isEmpty();
    }

    @Test
    void updatesOnlyFromTheExpectedVersionAndAppendsHistory() {
        Application a = insert("a", "submitted", LocalDate.of(2026, 10, 5));
        Application b = next(a, "interview", LocalDate.of(2026, 10, 20), "staff-1", List.of("staff-1", "staff-2"));
        assertThat(store.update(b, 1, entry(b, "submitted", "looks fine"))).isTrue();
        assertThat(store.find(a.id())).contains(b);

        Application stale = next(a, "rejected", null, "staff-3", List.of());
        assertThat(store.update(stale, 1, entry(stale, "submitted", "late"))).isFalse();
        assertThat(store.find(a.id())).contains(b);
        assertThat(store.history(a.id())).extracting(HistoryEntry::sequence).containsExactly(1L, 2L);
        assertThat(store.history(a.id()).get(1)).isEqualTo(entry(b, "submitted", "looks fine"));
    }

    @Test
    void letsExactlyOneOfConcurrentUpdatesFromOneVersionSucceed() throws Exception {
        for (int round = 0; round < 5; round++) {
            Application a = insert("race" + round, "submitted", null);
            CyclicBarrier start = new CyclicBarrier(threads());
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads(); t++) {
                Application updated = next(a, t % 2 == 0 ? "approved" : "rejected", null, "staff-" + t, List.of());
                results.add(executor.submit(() -> {
                    start.await();
                    try {
                        return store.update(updated, 1, entry(updated, "submitted", null));
                    } catch (GcamException e) {
                        return false;
                    }
                }));
            }
            int won = 0;
            for (Future<Boolean> result : results) {
                if (result.get(1, TimeUnit.MINUTES)) {
                    won++;
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(store.history(a.id())).hasSize(2);
            assertThat(store.history(a.id()).get(1).toState()).isEqualTo(store.find(a.id()).orElseThrow().state());
        }
    }

    @Test
    void searchesOneAgencyByTypeStateAndAssigneeInDueOrderWithPaging() {
        Application late = insert("late", "screening", LocalDate.of(2026, 10, 9));
        Application early = insert("early", "screening", LocalDate.of(2026, 10, 5));
        Application none = insert("none", "documents_requested", null);
        Application assigned = insert("assigned", "submitted", LocalDate.of(2026, 10, 7));
        Application moved = next(assigned, "submitted", LocalDate.of(2026, 10, 7), "staff-1", List.of());
        store.update(moved, 1, entry(moved, "submitted", null));
        ApplicationQuery all = new ApplicationQuery(agency, null, Set.of(), null);

        Page<Application> first = store.search(all, PageRequest.of(0, 3));
        assertThat(first.total()).isEqualTo(4);
        assertThat(first.items()).extracting(Application::id).containsExactly(early.id(), assigned.id(), late.id());
        assertThat(store.search(all, PageRequest.of(1, 3)).items()).extracting(Application::id)
                .containsExactly(none.id());
        assertThat(store.search(new ApplicationQuery(agency, "recruitment", Set.of("screening", "submitted"), null),
                PageRequest.first()).total()).isEqualTo(3);
        assertThat(store.search(new ApplicationQuery(agency, "other", Set.of(), null), PageRequest.first()).total())
                .isZero();
        assertThat(store.search(new ApplicationQuery(agency, null, Set.of(), "staff-x"), PageRequest.first())
                .items()).extracting(Application::id).containsExactly(assigned.id());
        assertThat(store.search(new ApplicationQuery("other-" + agency, null, Set.of(), null), PageRequest.first())
                .total()).isZero();
        assertThat(store.countByState(agency, null))
                .isEqualTo(Map.of("screening", 2L, "documents_requested", 1L, "submitted", 1L));
        assertThat(store.countByState(agency, "other")).isEmpty();
    }

    @Test
    void listsApplicationsDueInARangeEarliestFirst() {
        Application a = insert("a", "screening", LocalDate.of(2026, 10, 9));
        Application b = insert("b", "screening", LocalDate.of(2026, 10, 5));
        Application c = insert("c", "screening", LocalDate.of(2026, 10, 12));
        insert("d", "approved", null);
        LocalDate oct9 = LocalDate.of(2026, 10, 9);
        assertThat(store.dueBetween(agency, null, oct9, false, 10)).extracting(Application::id)
                .containsExactly(b.id(), a.id());
        assertThat(store.dueBetween(agency, null, oct9, false, 1)).extracting(Application::id)
                .containsExactly(b.id());
        assertThat(store.dueBetween(agency, oct9, LocalDate.of(2026, 12, 31), false, 10)).extracting(Application::id)
                .containsExactly(a.id(), c.id());
        assertThat(store.dueBetween(null, null, oct9, false, 10_000)).extracting(Application::id)
                .contains(b.id(), a.id());
        assertThat(store.claimEscalation(b.id(), LocalDate.of(2026, 10, 5), T0)).isTrue();
        assertThat(store.dueBetween(agency, null, oct9, true, 10)).extracting(Application::id)
                .containsExactly(a.id());
        assertThat(store.dueBetween(agency, null, oct9, false, 10)).extracting(Application::id)
                .containsExactly(b.id(), a.id());
    }

    @Test
    void claimsEachEscalationOnceAndOnlyForTheStateDueDateSeen() {
        Application a = insert("a", "screening", LocalDate.of(2026, 10, 5));
        assertThat(store.claimEscalation(a.id(), LocalDate.of(2026, 10, 6), T0)).isFalse();
        assertThat(store.claimEscalation(a.id(), LocalDate.of(2026, 10, 5), T0)).isTrue();
        assertThat(store.claimEscalation(a.id(), LocalDate.of(2026, 10, 5), T0)).isFalse();
        Application escalated = store.find(a.id()).orElseThrow();
        assertThat(escalated.escalatedAt()).isEqualTo(T0);
        assertThat(escalated.version()).as("an escalation is not a change of the application").isEqualTo(1);
    }
}
