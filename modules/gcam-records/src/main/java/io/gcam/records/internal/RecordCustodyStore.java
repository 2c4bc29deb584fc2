package io.gcam.records.internal;

import io.gcam.core.AuditEntry;
import io.gcam.core.AuditHead;
import io.gcam.core.spi.AuditStore;
import io.gcam.records.RecordId;
import io.gcam.records.spi.RecordStore;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The chain of custody of one record, seen as an {@link AuditStore}, so that
 * {@link io.gcam.core.AuditTrail} computes and verifies it with the audit trail's hash format.
 */
public final class RecordCustodyStore implements AuditStore {

    /** The object type of every custody entry. */
    public static final String OBJECT_TYPE = "record";

    private final RecordStore store;
    private final RecordId id;

    /**
     * @param store the record store
     * @param id the record whose chain this is
     */
    public RecordCustodyStore(RecordStore store, RecordId id) {
        this.store = Objects.requireNonNull(store, "store");
        this.id = Objects.requireNonNull(id, "id");
    }

    @Override
    public AuditEntry append(Function<AuditHead, AuditEntry> nextEntry) {
        return store.appendCustody(id, nextEntry);
    }

    @Override
    public AuditHead head() {
        return store.custodyHead(id);
    }

    @Override
    public List<AuditEntry> entries(long fromIndex, int limit) {
        return store.custody(id, fromIndex, limit);
    }

    @Override
    public List<AuditEntry> entriesFor(String objectType, String objectId, long afterIndex, int limit) {
        if (!OBJECT_TYPE.equals(objectType) || !id.value().equals(objectId)) {
            return List.of();
        }
        return store.custody(id, afterIndex + 1, limit);
    }
}
