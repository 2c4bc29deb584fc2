package io.gcam.testkit.workflow;

import io.gcam.core.ConflictException;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ApplicationStore} in memory, for tests and demos. It passes
 * {@link ApplicationStoreCompatibilityKit}, but it does not take part in transactions: a change
 * made before the surrounding transaction rolls back stays. Thread-safe (one lock).
 */
public final class InMemoryApplicationStore implements ApplicationStore {

    private static final Comparator<Application> DUE_ORDER = Comparator
            .comparing((Application a) -> a.stateDueOn() == null ? 1 : 0)
            .thenComparing(a -> a.stateDueOn() == null ? LocalDate.MAX : a.stateDueOn())
            .thenComparing(Application::submittedAt)
            .thenComparing(Application::id);

    private final Map<String, Application> applications = new HashMap<>();
    private final Map<String, String> byReference = new HashMap<>();
    private final Map<String, InquirySecrets> secrets = new HashMap<>();
    private final Map<String, List<HistoryEntry>> history = new HashMap<>();

    /** Creates an empty store. */
    public InMemoryApplicationStore() {
    }

    @Override
    public synchronized void insert(Application application, HistoryEntry first, InquirySecrets inquirySecrets) {
        if (applications.containsKey(application.id()) || byReference.containsKey(application.referenceNumber())) {
            throw new ConflictException("application " + application.referenceNumber());
        }
        applications.put(application.id(), application);
        byReference.put(application.referenceNumber(), application.id());
        secrets.put(application.id(), Objects.requireNonNull(inquirySecrets, "inquirySecrets"));
        history.computeIfAbsent(application.id(), k -> new ArrayList<>()).add(first);
    }

    @Override
    public synchronized boolean update(Application updated, long expectedVersion, HistoryEntry entry) {
        Application current = applications.get(updated.id());
        if (current == null || current.version() != expectedVersion) {
            return false;
        }
        applications.put(updated.id(), updated);
        history.get(updated.id()).add(entry);
        return true;
    }

    @Override
    public synchronized Optional<Application> find(String id) {
        return Optional.ofNullable(applications.get(id));
    }

    @Override
    public synchronized Optional<Application> findByReference(String referenceNumber) {
        String id = byReference.get(referenceNumber);
        return id == null ? Optional.empty() : find(id);
    }

    @Override
    public synchronized InquirySecrets inquirySecrets(String id) {
        return secrets.getOrDefault(id, InquirySecrets.none());
    }

    @Override
    public synchronized List<HistoryEntry> history(String id) {
        return List.copyOf(history.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized Page<Application> search(ApplicationQuery query, PageRequest page) {
        List<Application> matching = applications.values().stream()
                .filter(a -> a.agency().equals(query.agency()))
                .filter(a -> query.type() == null || a.type().equals(query.type()))
                .filter(a -> query.states().isEmpty() || query.states().contains(a.state()))
                .filter(a -> query.assignee() == null || query.assignee().equals(a.assignee()))
                .sorted(DUE_ORDER)
                .toList();
        List<Application> items = matching.stream().skip(page.offset()).limit(page.size()).toList();
        return Page.of(items, page, matching.size());
    }

    @Override
    public synchronized Map<String, Long> countByState(String agency, @Nullable String type) {
        Map<String, Long> counts = new TreeMap<>();
        for (Application a : applications.values()) {
            if (a.agency().equals(agency) && (type == null || a.type().equals(type))) {
                counts.merge(a.state(), 1L, Long::sum);
            }
        }
        return counts;
    }

    @Override
    public synchronized List<Application> dueBetween(@Nullable String agency, @Nullable LocalDate firstDueDate,
            LocalDate lastDueDate, boolean unescalatedOnly, int limit) {
        return applications.values().stream()
                .filter(a -> agency == null || a.agency().equals(agency))
                .filter(a -> a.stateDueOn() != null && !a.stateDueOn().isAfter(lastDueDate))
                .filter(a -> firstDueDate == null || !a.stateDueOn().isBefore(firstDueDate))
                .filter(a -> !unescalatedOnly || a.escalatedAt() == null)
                .sorted(DUE_ORDER)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean claimEscalation(String id, LocalDate stateDueOn, Instant at) {
        Application a = applications.get(id);
        if (a == null || a.escalatedAt() != null || !stateDueOn.equals(a.stateDueOn())) {
            return false;
        }
        applications.put(id, new Application(a.id(), a.referenceNumber(), a.type(), a.definitionVersion(),
                a.applicantId(), a.agency(), a.state(), a.formData(), a.assignee(), a.stateDueOn(), a.dueOn(),
                a.submittedAt(), a.updatedAt(), a.version(), a.lastActorId(), a.pendingAction(), a.approvers(), at));
        return true;
    }
}
