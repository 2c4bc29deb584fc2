package io.gcam.testkit.catalog;

import io.gcam.catalog.CaseRecord;
import io.gcam.catalog.CatalogErrorCode;
import io.gcam.catalog.CatalogException;
import io.gcam.catalog.Filing;
import io.gcam.catalog.ServiceEntry;
import io.gcam.catalog.ServiceStatus;
import io.gcam.catalog.spi.CatalogStore;
import io.gcam.core.ConflictException;
import java.time.Instant;
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
 * A {@link CatalogStore} in memory, for tests and demos. Not transactional: a rolled-back caller
 * transaction does not undo its writes. Thread-safe (every method is synchronized).
 */
public final class InMemoryCatalogStore implements CatalogStore {

    private final TreeMap<String, TreeMap<Integer, ServiceEntry>> services = new TreeMap<>();
    private final Map<String, Filing> filings = new HashMap<>();
    private final Map<String, CaseRecord> cases = new HashMap<>();
    private long changes;

    /** Creates an empty store. */
    public InMemoryCatalogStore() {
    }

    @Override
    public synchronized void insert(ServiceEntry entry) {
        Objects.requireNonNull(entry, "entry");
        TreeMap<Integer, ServiceEntry> versions = services.computeIfAbsent(entry.code(), k -> new TreeMap<>());
        if (versions.containsKey(entry.version())) {
            if (entry.version() == 1) {
                throw new CatalogException(CatalogErrorCode.SERVICE_CODE_TAKEN, entry.code());
            }
            throw new ConflictException("catalogue service " + entry.code());
        }
        versions.put(entry.version(), entry);
        changes++;
    }

    @Override
    public synchronized boolean update(ServiceEntry entry, long expectedRevision) {
        TreeMap<Integer, ServiceEntry> versions = services.get(entry.code());
        ServiceEntry current = versions == null ? null : versions.get(entry.version());
        if (current == null || current.revision() != expectedRevision || !current.agency().equals(entry.agency())) {
            return false;
        }
        versions.put(entry.version(), entry);
        changes++;
        return true;
    }

    @Override
    public synchronized Optional<ServiceEntry> find(String code, int version) {
        TreeMap<Integer, ServiceEntry> versions = services.get(code);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    @Override
    public synchronized List<ServiceEntry> versions(String code) {
        TreeMap<Integer, ServiceEntry> versions = services.get(code);
        return versions == null ? List.of() : List.copyOf(versions.values());
    }

    @Override
    public synchronized List<ServiceEntry> entries(@Nullable String agency) {
        List<ServiceEntry> result = new ArrayList<>();
        for (TreeMap<Integer, ServiceEntry> versions : services.values()) {
            for (ServiceEntry e : versions.values()) {
                if (agency == null || e.agency().equals(agency)) {
                    result.add(e);
                }
            }
        }
        return result;
    }

    @Override
    public synchronized List<ServiceEntry> published() {
        return entries(null).stream().filter(e -> e.status() == ServiceStatus.PUBLISHED).toList();
    }

    @Override
    public synchronized long changeCount() {
        return changes;
    }

    @Override
    public synchronized void insertFiling(Filing filing) {
        String key = filing.agency() + "\n" + filing.applicationId();
        if (filings.containsKey(key)) {
            throw new ConflictException("filing " + filing.referenceNumber());
        }
        filings.put(key, filing);
    }

    @Override
    public synchronized List<Filing> filingsOf(String applicantId) {
        return filings.values().stream().filter(f -> f.applicantId().equals(applicantId))
                .sorted(Comparator.comparing(Filing::filedAt).thenComparing(Filing::id).reversed()).toList();
    }

    @Override
    public synchronized boolean recordReceived(CaseRecord record) {
        return cases.putIfAbsent(record.applicationId(), record) == null;
    }

    @Override
    public synchronized boolean recordCompleted(String applicationId, Instant completedAt) {
        CaseRecord c = cases.get(applicationId);
        if (c == null || c.completedAt() != null) {
            return false;
        }
        cases.put(applicationId, new CaseRecord(c.applicationId(), c.serviceCode(), c.agency(), c.receivedAt(),
                completedAt));
        return true;
    }

    @Override
    public synchronized List<CaseRecord> cases(String serviceCode, Instant from, Instant to) {
        return cases.values().stream()
                .filter(c -> c.serviceCode().equals(serviceCode))
                .filter(c -> within(c.receivedAt(), from, to) || (c.completedAt() != null && within(c.completedAt(), from, to)))
                .sorted(Comparator.comparing(CaseRecord::receivedAt).thenComparing(CaseRecord::applicationId))
                .toList();
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return !t.isBefore(from) && t.isBefore(to);
    }
}
