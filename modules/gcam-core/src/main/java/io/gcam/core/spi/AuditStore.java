package io.gcam.core.spi;

import io.gcam.core.AuditEntry;
import io.gcam.core.AuditHead;
import java.util.List;
import java.util.function.Function;

/**
 * Where the audit trail lives. Implementations: {@link io.gcam.core.jdbc.JdbcAuditStore}, and
 * {@code io.gcam.testkit.memory.InMemoryAuditStore} for tests; an agency's own store must pass
 * {@code io.gcam.testkit.core.AuditStoreCompatibilityKit}.
 *
 * <p>The store keeps one chain. Guarantees an implementation must give:
 * <ul>
 *   <li>{@link #append(Function)} is serialized against every other append to the same trail, across
 *       threads and across application instances sharing the storage: the entry stored is the one
 *       {@code nextEntry} built on the true current head, and no other entry can become the head
 *       until this one is stored or abandoned.</li>
 *   <li>Entries are stored exactly as given, are returned exactly as stored, and are never changed
 *       or removed by the store.</li>
 *   <li>A transactional store joins the caller's transaction when there is one, so that a rolled back
 *       change leaves neither an entry nor a moved head.</li>
 * </ul>
 */
public interface AuditStore {

    /**
     * Appends one entry after the current head, as one atomic step.
     *
     * <p>The store stores the entry {@code nextEntry} returns for the current head and makes it the
     * new head, with exclusive access to the head while it does. A store may also call
     * {@code nextEntry} with a head it expects to be current (the one it appended last, say) and
     * discard that entry when the guess proves wrong, so {@code nextEntry} may be called more than
     * once per append; only an entry built on the true current head is ever stored.
     *
     * @param nextEntry builds the entry that follows the given head; a function of the head alone,
     *     quick, and never calling the store
     * @return the stored entry
     * @throws IllegalStateException when the returned entry does not follow the head (its index is
     *     not {@code head.index() + 1} or its previous hash is not {@code head.hash()})
     * @throws io.gcam.core.GcamException {@code STORAGE_FAILURE} when the storage fails
     */
    AuditEntry append(Function<AuditHead, AuditEntry> nextEntry);

    /**
     * @return the current head; {@link AuditHead#genesis()} when the trail is empty
     */
    AuditHead head();

    /**
     * Reads stored entries in index order, for verification and export.
     *
     * @param fromIndex the smallest index to return
     * @param limit the maximum number of entries, at least 1
     * @return entries with {@code index >= fromIndex}, ascending by index, at most {@code limit}
     */
    List<AuditEntry> entries(long fromIndex, int limit);

    /**
     * Reads the entries about one object, oldest first, a page at a time.
     *
     * @param objectType the object type, as appended
     * @param objectId the object id, as appended
     * @param afterIndex return only entries with a greater index; {@code 0} for the first page,
     *     then the index of the last entry of the previous page
     * @param limit the maximum number of entries, at least 1
     * @return matching entries, ascending by index, at most {@code limit}
     */
    List<AuditEntry> entriesFor(String objectType, String objectId, long afterIndex, int limit);
}
