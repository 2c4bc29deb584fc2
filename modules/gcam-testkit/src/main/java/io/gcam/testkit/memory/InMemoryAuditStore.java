package io.gcam.testkit.memory;

import io.gcam.core.AuditEntry;
import io.gcam.core.AuditHead;
import io.gcam.core.spi.AuditStore;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An {@link AuditStore} in memory: one chain per instance, appends serialized by the instance's
 * lock. It takes part in no transaction: an entry stays even when the caller's transaction rolls
 * back.
 *
 * <p>Besides the SPI it offers {@link #overwriteEntry}, {@link #deleteEntry} and
 * {@link #swapEntries} so that tests can tamper with the trail, as someone with direct access to the
 * database could, and check that {@link io.gcam.core.AuditTrail#verify()} notices.
 */
public final class InMemoryAuditStore implements AuditStore {

    private final NavigableMap<Long, AuditEntry> entries = new TreeMap<>();
    private AuditHead head = AuditHead.genesis();

    /** Creates an empty trail. */
    public InMemoryAuditStore() {
    }

    @Override
    public synchronized AuditEntry append(Function<AuditHead, AuditEntry> nextEntry) {
        Objects.requireNonNull(nextEntry, "nextEntry");
        AuditEntry entry = nextEntry.apply(head);
        if (entry.index() != head.index() + 1 || !entry.previousHash().equals(head.hash())) {
            throw new IllegalStateException("audit entry " + entry.index() + " does not follow the head "
                    + head.index());
        }
        entries.put(entry.index(), entry);
        head = entry.asHead();
        return entry;
    }

    @Override
    public synchronized AuditHead head() {
        return head;
    }

    @Override
    public synchronized List<AuditEntry> entries(long fromIndex, int limit) {
        return entries.tailMap(fromIndex, true).values().stream().limit(limit).toList();
    }

    @Override
    public synchronized List<AuditEntry> entriesFor(String objectType, String objectId, long afterIndex, int limit) {
        List<AuditEntry> found = new ArrayList<>();
        for (AuditEntry entry : entries.tailMap(afterIndex, false).values()) {
            if (found.size() == limit) {
                break;
            }
            if (entry.objectType().equals(objectType) && entry.objectId().equals(objectId)) {
                found.add(entry);
            }
        }
        return List.copyOf(found);
    }

    /** @return how many entries are stored */
    public synchronized int size() {
        return entries.size();
    }

    /**
     * Tampering, for tests: stores {@code replacement} at {@code replacement.index()} in place of the
     * entry there, without moving the head.
     *
     * @param replacement the forged entry
     * @throws IllegalArgumentException when no entry has that index
     */
    public synchronized void overwriteEntry(AuditEntry replacement) {
        requireEntry(replacement.index());
        entries.put(replacement.index(), replacement);
    }

    /**
     * Tampering, for tests: removes the entry at {@code index} without moving the head.
     *
     * @param index the entry's index
     * @throws IllegalArgumentException when no entry has that index
     */
    public synchronized void deleteEntry(long index) {
        requireEntry(index);
        entries.remove(index);
    }

    /**
     * Tampering, for tests: exchanges the positions of two entries, as swapping their index column in
     * a database would; nothing else about them changes.
     *
     * @param first the index of one entry
     * @param second the index of the other
     * @throws IllegalArgumentException when either index has no entry
     */
    public synchronized void swapEntries(long first, long second) {
        AuditEntry a = requireEntry(first);
        AuditEntry b = requireEntry(second);
        entries.put(first, at(b, first));
        entries.put(second, at(a, second));
    }

    private static AuditEntry at(AuditEntry entry, long index) {
        return new AuditEntry(index, entry.actor(), entry.action(), entry.objectType(), entry.objectId(), entry.at(),
                entry.details(), entry.previousHash(), entry.hash());
    }

    private AuditEntry requireEntry(long index) {
        AuditEntry entry = entries.get(index);
        if (entry == null) {
            throw new IllegalArgumentException("no audit entry " + index);
        }
        return entry;
    }
}
