package io.gcam.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.core.AuditVerification.Failure;
import io.gcam.core.AuditVerification.Reason;
import io.gcam.core.spi.AuditStore;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only, hash-chained record of who did what to which object, and when.
 *
 * <pre>{@code
 * AuditTrail audit = AuditTrail.builder()
 *         .store(new JdbcAuditStore(transactions.dataSource()))
 *         .clock(clock)
 *         .build();
 * transactions.inTransaction(() -> {
 *     applications.approve(id);
 *     audit.append(reviewer, "application.approved", "application", id, Map.of("level", 2));
 * });
 * AuditVerification check = audit.verify();   // check.ok(), else check.failure()
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Entries are numbered 1, 2, 3, ... without gaps and form one chain, also when many threads
 *       and several application instances append at once (the store serializes appends).</li>
 *   <li>With a transactional store, {@link #append} joins the caller's transaction: when the business
 *       change rolls back, so does its entry. Appends to one trail are serialized, so keep the
 *       transactions that append short.</li>
 *   <li>{@link #verify()} finds the first entry that was edited, deleted, moved or inserted, and a
 *       deleted tail while the head record is intact.</li>
 * </ul>
 *
 * <h2>What verification cannot detect</h2>
 * Someone who can write to the store can delete the newest entries and move the head back, or
 * rewrite the whole chain from some entry on with recomputed hashes: the result is a valid, shorter
 * or different chain. Detecting that needs an anchor outside their reach: publish or send
 * {@link #head()} regularly (for example daily) and check with {@link #verify(AuditHead)}.
 *
 * <h2>Hash format</h2>
 * Fixed for ever, so that a trail can be checked by independent tools:
 * {@code hash = lowercase-hex(SHA-256(UTF-8(previousHash + canonical)))}, where
 * {@code previousHash} is the previous entry's hash ({@link AuditHead#GENESIS_HASH} for the first)
 * and {@code canonical} is this JSON object without whitespace, keys in this order:
 * <pre>
 * {"action":A,"actor":{"agency":G,"id":S,"kind":K},"at":T,"details":D,"index":N,"objectId":O,"objectType":Y}
 * </pre>
 * {@code G} is {@code null} when there is no agency, {@code K} is the {@link Actor.Kind} name,
 * {@code T} is {@link Instant#toString()} of the entry time (UTC, truncated to microseconds),
 * {@code D} is the stored canonical details JSON copied verbatim, and strings are written as Jackson
 * writes JSON strings (quotes, backslashes and control characters escaped, everything else as
 * UTF-8).
 *
 * <p>Details are stored as canonical JSON: the value is converted with the configured
 * {@link ObjectMapper} and written with object keys sorted and no whitespace. Never put secrets in
 * details, and prefer identifiers to personal data: the trail cannot be edited to remove them.
 *
 * <p>The trail does not check who may read it: callers decide who may see the entries of an object.
 * Instances are immutable and thread-safe.
 */
public final class AuditTrail {

    /** Maximum length of an actor subject id and of an object id. */
    public static final int MAX_ID_LENGTH = 255;
    /** Maximum length of an action, an object type and an agency code. */
    public static final int MAX_NAME_LENGTH = 100;
    /** Maximum page size of the queries. */
    public static final int MAX_PAGE_SIZE = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final AuditStore store;
    private final Clock clock;
    private final ObjectMapper objectMapper;

    private AuditTrail(Builder builder) {
        this.store = Objects.requireNonNull(builder.store, "store");
        this.clock = builder.clock;
        this.objectMapper = builder.objectMapper != null ? builder.objectMapper : CanonicalJson.defaultMapper();
    }

    /** @return a builder; {@code store} is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Appends one entry after the current head.
     *
     * @param actor who acted
     * @param action what was done, lower-case and dotted by convention, e.g.
     *     {@code application.approved}; at most {@value #MAX_NAME_LENGTH} characters
     * @param objectType the kind of object, e.g. {@code application}; at most
     *     {@value #MAX_NAME_LENGTH} characters
     * @param objectId the object's identifier; at most {@value #MAX_ID_LENGTH} characters
     * @param details particulars: a {@link Map} or any value the object mapper can serialize;
     *     {@code null} is stored as {@code {}}
     * @return the stored entry, with its index and hash
     * @throws ValidationException when a text is blank, too long or has control characters, or the
     *     details cannot be serialized; nothing is appended
     * @throws GcamException {@code STORAGE_FAILURE} when the store fails
     */
    public AuditEntry append(Actor actor, String action, String objectType, String objectId,
            @Nullable Object details) {
        Objects.requireNonNull(actor, "actor");
        TextChecks.requireText("action", Objects.requireNonNull(action, "action"), MAX_NAME_LENGTH);
        TextChecks.requireText("objectType", Objects.requireNonNull(objectType, "objectType"), MAX_NAME_LENGTH);
        TextChecks.requireText("objectId", Objects.requireNonNull(objectId, "objectId"), MAX_ID_LENGTH);
        TextChecks.requireText("actor.subjectId", actor.subjectId(), MAX_ID_LENGTH);
        String agency = actor.agency();
        if (agency != null) {
            TextChecks.requireText("actor.agency", agency, MAX_NAME_LENGTH);
        }
        AuditActor who = AuditActor.of(actor);
        String detailsJson = canonicalDetails(details);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditEntry entry = store.append(head -> {
            long index = head.index() + 1;
            String hash = hash(head.hash(), index, who, action, objectType, objectId, at, detailsJson);
            return new AuditEntry(index, who, action, objectType, objectId, at, detailsJson, head.hash(), hash);
        });
        LOG.debug("audit entry {} appended: {} on {}", entry.index(), action, objectType);
        return entry;
    }

    /**
     * Checks the whole trail from the first entry to the current head.
     *
     * @return the first break found, or success with the head that was verified
     * @throws GcamException {@code STORAGE_FAILURE} when the store fails
     */
    public AuditVerification verify() {
        return verify(null);
    }

    /**
     * Checks the whole trail like {@link #verify()}, and also that the entry at {@code anchor.index()}
     * still has {@code anchor.hash()}: a head recorded earlier outside the database.
     *
     * @param anchor a head taken earlier with {@link #head()} and kept out of reach of the database's
     *     administrators; {@code null} checks without an anchor
     * @return the first break found, or success with the head that was verified
     * @throws GcamException {@code STORAGE_FAILURE} when the store fails
     */
    public AuditVerification verify(@Nullable AuditHead anchor) {
        AuditHead head = store.head();
        AuditVerification result = walk(head, anchor);
        Failure failure = result.failure();
        if (failure != null) {
            LOG.warn("audit trail broken at entry {}: {}", failure.index(), failure.reason());
        }
        return result;
    }

    private AuditVerification walk(AuditHead head, @Nullable AuditHead anchor) {
        String previousHash = AuditHead.GENESIS_HASH;
        long expected = 1;
        while (expected <= head.index()) {
            int limit = (int) Math.min(MAX_PAGE_SIZE, head.index() - expected + 1);
            List<AuditEntry> page = store.entries(expected, limit);
            if (page.isEmpty()) {
                break;
            }
            for (AuditEntry entry : page) {
                long checked = expected - 1;
                if (entry.index() != expected) {
                    return broken(head, checked, expected, Reason.ENTRY_MISSING,
                            "entry " + expected + " is missing; the next stored entry is " + entry.index());
                }
                if (!hashOf(entry).equals(entry.hash())) {
                    return broken(head, checked, expected, Reason.ENTRY_ALTERED,
                            "entry " + expected + " does not match its hash: it was edited or moved");
                }
                if (!entry.previousHash().equals(previousHash)) {
                    return broken(head, checked, expected, Reason.CHAIN_BROKEN,
                            "entry " + expected + " does not link to entry " + (expected - 1)
                                    + ": an earlier entry was replaced, or entries were inserted or reordered");
                }
                if (anchor != null && anchor.index() == expected && !anchor.hash().equals(entry.hash())) {
                    return broken(head, checked, expected, Reason.ANCHOR_MISMATCH,
                            "entry " + expected + " differs from the anchored hash: the history was rewritten");
                }
                previousHash = entry.hash();
                expected++;
            }
        }
        long checked = expected - 1;
        if (checked < head.index()) {
            return broken(head, checked, expected, Reason.TAIL_MISSING,
                    "the head names entry " + head.index() + " but the trail ends at entry " + checked);
        }
        if (!previousHash.equals(head.hash())) {
            return broken(head, checked, head.index(), Reason.HEAD_MISMATCH,
                    "the head's hash differs from the hash of entry " + head.index());
        }
        if (anchor != null && anchor.index() > head.index()) {
            return broken(head, checked, head.index() + 1, Reason.ANCHOR_MISMATCH,
                    "the anchor names entry " + anchor.index() + " but the trail ends at entry " + head.index()
                            + ": newer entries were deleted");
        }
        if (anchor != null && anchor.index() == 0 && !anchor.hash().equals(AuditHead.GENESIS_HASH)) {
            return broken(head, checked, 0, Reason.ANCHOR_MISMATCH, "the anchor of index 0 must be the genesis hash");
        }
        return new AuditVerification(head, checked, null);
    }

    private static AuditVerification broken(AuditHead head, long checked, long index, Reason reason, String detail) {
        return new AuditVerification(head, checked, new Failure(index, reason, detail));
    }

    /** @return the current head, to anchor outside the database; {@link AuditHead#genesis()} when empty */
    public AuditHead head() {
        return store.head();
    }

    /**
     * The entries about one object, oldest first, a page at a time.
     *
     * @param objectType the object type
     * @param objectId the object id
     * @param afterIndex {@code 0} for the first page, then the index of the last entry already read
     * @param limit page size, 1 to {@value #MAX_PAGE_SIZE}
     * @return at most {@code limit} entries with an index greater than {@code afterIndex}
     */
    public List<AuditEntry> entriesFor(String objectType, String objectId, long afterIndex, int limit) {
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(objectId, "objectId");
        return store.entriesFor(objectType, objectId, Math.max(0, afterIndex), checkLimit(limit));
    }

    /**
     * The whole trail in index order, a page at a time, for export.
     *
     * @param fromIndex the first index to return (1 for the beginning)
     * @param limit page size, 1 to {@value #MAX_PAGE_SIZE}
     * @return at most {@code limit} entries with an index of at least {@code fromIndex}
     */
    public List<AuditEntry> entries(long fromIndex, int limit) {
        return store.entries(Math.max(1, fromIndex), checkLimit(limit));
    }

    /**
     * Recomputes an entry's hash from its fields and its previous hash, as {@link #verify()} does.
     * Equal to {@code entry.hash()} for an untouched entry.
     *
     * @param entry a stored entry
     * @return the hash its content calls for
     */
    public static String hashOf(AuditEntry entry) {
        return hash(entry.previousHash(), entry.index(), entry.actor(), entry.action(), entry.objectType(),
                entry.objectId(), entry.at(), entry.details());
    }

    private static int checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw ValidationException.of("limit", LocalizedText.of(
                    "must be between 1 and " + MAX_PAGE_SIZE,
                    "必須介於 1 至 " + MAX_PAGE_SIZE + " 之間",
                    "deve estar entre 1 e " + MAX_PAGE_SIZE));
        }
        return limit;
    }

    private String canonicalDetails(@Nullable Object details) {
        try {
            return CanonicalJson.write(objectMapper, details == null ? Map.of() : details);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("details", LocalizedText.of(
                    "cannot be written as JSON",
                    "無法轉換為 JSON",
                    "não pode ser escrito em JSON"));
        }
    }

    static String hash(String previousHash, long index, AuditActor actor, String action, String objectType,
            String objectId, Instant at, String detailsJson) {
        return CanonicalJson.sha256Hex(previousHash
                + canonical(index, actor, action, objectType, objectId, at, detailsJson));
    }

    static String canonical(long index, AuditActor actor, String action, String objectType, String objectId,
            Instant at, String detailsJson) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("action", action);
            g.writeFieldName("actor");
            g.writeStartObject();
            String agency = actor.agency();
            if (agency == null) {
                g.writeNullField("agency");
            } else {
                g.writeStringField("agency", agency);
            }
            g.writeStringField("id", actor.subjectId());
            g.writeStringField("kind", actor.kind().name());
            g.writeEndObject();
            g.writeStringField("at", at.toString());
            g.writeFieldName("details");
            g.writeRawValue(detailsJson);
            g.writeNumberField("index", index);
            g.writeStringField("objectId", objectId);
            g.writeStringField("objectType", objectType);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Configures an {@link AuditTrail}. */
    public static final class Builder {

        private @Nullable AuditStore store;
        private Clock clock = Clock.systemUTC();
        private @Nullable ObjectMapper objectMapper;

        private Builder() {
        }

        /**
         * @param store where entries are kept (required)
         * @return this builder
         */
        public Builder store(AuditStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param clock the source of entry times (default: {@link Clock#systemUTC()})
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param objectMapper converts details to JSON; by default a mapper that writes
         *     {@code java.time} values as ISO-8601 strings
         * @return this builder
         */
        public Builder objectMapper(ObjectMapper objectMapper) {
            this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper");
            return this;
        }

        /**
         * @return the configured trail
         * @throws NullPointerException when the store is missing
         */
        public AuditTrail build() {
            return new AuditTrail(this);
        }
    }
}
