package io.gcam.catalog;

import io.gcam.catalog.internal.CatalogJson;
import io.gcam.catalog.internal.SearchIndex;
import io.gcam.catalog.internal.Validation;
import io.gcam.catalog.spi.CatalogStore;
import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.ConflictException;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.DomainEvent;
import io.gcam.core.GcamException;
import io.gcam.core.IdGenerator;
import io.gcam.core.LocalizedText;
import io.gcam.core.NotFoundException;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.core.ValidationException;
import io.gcam.core.spi.EventPublisher;
import io.gcam.core.spi.TransactionRunner;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service catalogue: agencies describe their e-services, publish them, and citizens find them.
 *
 * <pre>{@code
 * CatalogService catalog = CatalogService.builder()
 *         .store(new JdbcCatalogStore(tx.dataSource()))
 *         .transactions(tx)
 *         .audit(audit)
 *         .events(events)
 *         .clock(clock)
 *         .zone(ZoneId.of("Asia/Macau"))
 *         .build();
 * catalog.create(editor, definition);                 // version 1, a draft
 * catalog.publish(editor, "SAFP-RECRUIT", 1, null);   // public from today
 * Page<ServiceEntry> hits = catalog.search(CatalogQuery.text("招聘"), PageRequest.first());
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Only a {@link #EDITOR} of the owning agency (or the system) creates, changes, publishes,
 *       retires, imports and exports that agency's services and sees their drafts; everyone, also
 *       without login, reads and searches what is published.</li>
 *   <li>Versions: a draft is edited in place; changing a published or retired service makes a new
 *       draft version. The public sees the newest published version whose effective date has come;
 *       a retired service disappears from the public catalogue.</li>
 *   <li>Every change is stored, audited ({@link AuditTrail}) and published as a {@link DomainEvent}
 *       in one {@link TransactionRunner} call; rejected requests ({@code VALIDATION_FAILED},
 *       {@code ACCESS_DENIED}, {@code SERVICE_CODE_TAKEN}, {@code SERVICE_STATUS_INVALID},
 *       {@code CATALOG_IMPORT_INVALID}) change nothing. An import is all or nothing.</li>
 *   <li>Search covers names, keywords, descriptions and step titles in English, Traditional Chinese
 *       and Portuguese, ignores case and accents, and finds Chinese words inside longer Chinese text.
 *       It runs on an in-memory index of the public catalogue, rebuilt after this instance changed the
 *       catalogue (when the change ran inside a caller's longer transaction: after its commit, within
 *       the refresh interval), and at most {@link Builder#refreshInterval(Duration)} after another instance did
 *       (noticed through {@link CatalogStore#changeCount()}) or the date changed.</li>
 * </ul>
 *
 * <p>Event and audit types (aggregate type {@code catalog_service}, aggregate id the service code,
 * the owning agency): {@code catalog.service_created}, {@code catalog.service_updated},
 * {@code catalog.service_published}, {@code catalog.service_retired}.
 *
 * <p>Thread-safe.
 */
public final class CatalogService {

    /** The role that manages an agency's catalogue entries. */
    public static final String EDITOR = "CATALOG_EDITOR";
    /** The aggregate type of the events and audit entries. */
    public static final String AGGREGATE = "catalog_service";

    private static final Logger LOG = LoggerFactory.getLogger(CatalogService.class);
    private static final LocalizedText SERVICE_KIND = LocalizedText.of("service", "服務", "serviço");

    private final CatalogStore store;
    private final TransactionRunner transactions;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final Clock clock;
    private final ZoneId zone;
    private final IdGenerator ids;
    private final long refreshNanos;
    private final Object indexLock = new Object();
    private volatile IndexState index = new IndexState(SearchIndex.empty(), Long.MIN_VALUE, LocalDate.MIN, 0L);

    private CatalogService(Builder b) {
        this.store = require(b.store, "store");
        this.transactions = require(b.transactions, "transactions");
        this.audit = require(b.audit, "audit");
        this.events = require(b.events, "events");
        this.clock = b.clock;
        this.zone = b.zone;
        this.ids = IdGenerator.create(b.clock);
        this.refreshNanos = b.refreshInterval.toNanos();
    }

    /** @return a builder; store, transactions, audit and events are required */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------------------------ editing

    /**
     * Adds a service to the catalogue as version 1, a draft.
     *
     * @param actor a {@link #EDITOR} of the service's agency
     * @param definition the service
     * @return the stored draft
     * @throws AccessDeniedException {@code ACCESS_DENIED} unless the actor edits that agency's catalogue
     * @throws ValidationException {@code VALIDATION_FAILED} listing every offending field
     * @throws CatalogException {@code SERVICE_CODE_TAKEN} when the code exists
     */
    public ServiceEntry create(Actor actor, ServiceDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        actor.requireRole(definition.agency(), EDITOR, "create catalogue service");
        Validation.check(definition);
        return change(() -> insertNew(actor, definition, 1));
    }

    /**
     * Changes a service: edits the newest version when it is a draft, otherwise adds a new draft
     * version (the published one stays public until the new one is published and takes effect).
     *
     * @param actor a {@link #EDITOR} of the service's agency
     * @param definition the new content; its code names the service, its agency must stay the same
     * @return the draft
     * @throws NotFoundException {@code NOT_FOUND} when the service does not exist (or belongs to another agency)
     * @throws ValidationException {@code VALIDATION_FAILED} listing every offending field
     * @throws ConflictException {@code CONFLICT} when the service changed concurrently
     */
    public ServiceEntry update(Actor actor, ServiceDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        actor.requireRole(definition.agency(), EDITOR, "change catalogue service");
        Validation.check(definition);
        return change(() -> updateInTransaction(actor, definition));
    }

    private ServiceEntry updateInTransaction(Actor actor, ServiceDefinition definition) {
        List<ServiceEntry> versions = store.versions(definition.code());
        if (versions.isEmpty() || !versions.get(0).agency().equals(definition.agency())) {
            throw new NotFoundException(SERVICE_KIND, definition.code());
        }
        ServiceEntry latest = versions.get(versions.size() - 1);
        if (latest.status() == ServiceStatus.DRAFT) {
            ServiceEntry changed = latest.with(definition, now());
            if (!store.update(changed, latest.revision())) {
                throw new ConflictException("catalogue service " + definition.code());
            }
            record(actor, "catalog.service_updated", changed, Map.of("version", changed.version()));
            return changed;
        }
        return insertNew(actor, definition, latest.version() + 1);
    }

    private ServiceEntry insertNew(Actor actor, ServiceDefinition definition, int version) {
        Instant now = now();
        ServiceEntry entry = new ServiceEntry(definition, version, ServiceStatus.DRAFT, null, 1, now, now);
        store.insert(entry);
        record(actor, version == 1 ? "catalog.service_created" : "catalog.service_updated", entry,
                Map.of("version", version));
        return entry;
    }

    /**
     * Publishes a draft version. When it takes effect today, earlier published versions are retired;
     * with a later effective date they stay public until then.
     *
     * @param actor a {@link #EDITOR} of the service's agency
     * @param code the service
     * @param version the draft version
     * @param effectiveFrom the first day it is public, today or later; {@code null} for today
     * @return the published version
     * @throws NotFoundException {@code NOT_FOUND} when the version does not exist or belongs to another agency
     * @throws CatalogException {@code SERVICE_STATUS_INVALID} unless the version is a draft
     * @throws ValidationException {@code VALIDATION_FAILED} when the effective date is in the past
     */
    public ServiceEntry publish(Actor actor, String code, int version, @Nullable LocalDate effectiveFrom) {
        LocalDate today = today();
        LocalDate effective = effectiveFrom == null ? today : effectiveFrom;
        if (effective.isBefore(today)) {
            throw ValidationException.of("effectiveFrom", LocalizedText.of("must be today or later",
                    "必須是今天或之後", "deve ser hoje ou uma data posterior"));
        }
        return change(() -> {
            ServiceEntry entry = editable(actor, code, version);
            if (entry.status() != ServiceStatus.DRAFT) {
                throw new CatalogException(CatalogErrorCode.SERVICE_STATUS_INVALID, code, version, entry.status(),
                        ServiceStatus.PUBLISHED);
            }
            Instant now = now();
            ServiceEntry published = entry.with(ServiceStatus.PUBLISHED, effective, now);
            if (!store.update(published, entry.revision())) {
                throw new ConflictException("catalogue service " + code);
            }
            if (!effective.isAfter(today)) {
                for (ServiceEntry older : store.versions(code)) {
                    if (older.version() < version && older.status() == ServiceStatus.PUBLISHED
                            && !store.update(older.with(ServiceStatus.RETIRED, older.effectiveFrom(), now),
                                    older.revision())) {
                        throw new ConflictException("catalogue service " + code);
                    }
                }
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("version", version);
            details.put("effectiveFrom", effective);
            record(actor, "catalog.service_published", published, details);
            return published;
        });
    }

    /**
     * Withdraws a service from the public catalogue: every published version becomes retired.
     * Drafts stay and may be published again later.
     *
     * @param actor a {@link #EDITOR} of the service's agency
     * @param code the service
     * @return the versions that were retired
     * @throws NotFoundException {@code NOT_FOUND} when the service does not exist or belongs to another agency
     * @throws CatalogException {@code SERVICE_STATUS_INVALID} when no version is published
     */
    public List<ServiceEntry> retire(Actor actor, String code) {
        return change(() -> {
            List<ServiceEntry> versions = editableVersions(actor, code);
            List<ServiceEntry> retired = new ArrayList<>();
            Instant now = now();
            for (ServiceEntry v : versions) {
                if (v.status() == ServiceStatus.PUBLISHED) {
                    ServiceEntry r = v.with(ServiceStatus.RETIRED, v.effectiveFrom(), now);
                    if (!store.update(r, v.revision())) {
                        throw new ConflictException("catalogue service " + code);
                    }
                    retired.add(r);
                }
            }
            if (retired.isEmpty()) {
                ServiceEntry latest = versions.get(versions.size() - 1);
                throw new CatalogException(CatalogErrorCode.SERVICE_STATUS_INVALID, code, latest.version(),
                        latest.status(), ServiceStatus.RETIRED);
            }
            record(actor, "catalog.service_retired", retired.get(retired.size() - 1),
                    Map.of("versions", retired.stream().map(ServiceEntry::version).toList()));
            return retired;
        });
    }

    /**
     * @param actor a {@link #EDITOR} of the service's agency
     * @param code the service
     * @return every version, oldest first, drafts included
     * @throws NotFoundException {@code NOT_FOUND} when the service does not exist or belongs to another agency
     */
    public List<ServiceEntry> versions(Actor actor, String code) {
        return editableVersions(actor, code);
    }

    /**
     * Writes the newest version of every service of an agency as a catalogue JSON file, to be
     * imported elsewhere with {@link #importJson(Actor, InputStream)}.
     *
     * @param actor a {@link #EDITOR} of the agency
     * @param agency the agency
     * @param out where to write (not closed)
     * @return the number of services written
     * @throws AccessDeniedException {@code ACCESS_DENIED} unless the actor edits that agency's catalogue
     */
    public int exportJson(Actor actor, String agency, OutputStream out) {
        actor.requireRole(agency, EDITOR, "export catalogue");
        Map<String, ServiceDefinition> latest = new LinkedHashMap<>();
        for (ServiceEntry e : store.entries(agency)) {
            latest.put(e.code(), e.definition());
        }
        CatalogJson.writeCatalog(List.copyOf(latest.values()), out);
        return latest.size();
    }

    /**
     * Imports a catalogue JSON file: each service is created as a new draft, or changed as by
     * {@link #update(Actor, ServiceDefinition)}. All or nothing: when one service is refused, none is
     * imported.
     *
     * @param actor a {@link #EDITOR} of the agency of every service in the file
     * @param in the file (not closed)
     * @return the resulting drafts, in file order
     * @throws CatalogException {@code CATALOG_IMPORT_INVALID} when the file cannot be read
     * @throws AccessDeniedException {@code ACCESS_DENIED} when a service belongs to another agency
     * @throws ValidationException {@code VALIDATION_FAILED} when a service is invalid (fields are
     *     prefixed with {@code services[i].})
     */
    public List<ServiceEntry> importJson(Actor actor, InputStream in) {
        List<ServiceDefinition> definitions = CatalogJson.readCatalog(in);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < definitions.size(); i++) {
            ServiceDefinition d = definitions.get(i);
            actor.requireRole(d.agency(), EDITOR, "import catalogue");
            try {
                Validation.check(d);
            } catch (ValidationException e) {
                String prefix = "services[" + i + "].";
                throw new ValidationException(e.violations().stream()
                        .map(v -> new ValidationException.Violation(prefix + v.field(), v.message())).toList());
            }
            if (!codes.add(d.code())) {
                throw new CatalogException(CatalogErrorCode.CATALOG_IMPORT_INVALID, null,
                        "services[" + i + "]: the code " + d.code() + " appears twice");
            }
        }
        return change(() -> {
            List<ServiceEntry> result = new ArrayList<>();
            for (ServiceDefinition d : definitions) {
                List<ServiceEntry> existing = store.versions(d.code());
                if (existing.isEmpty()) {
                    result.add(insertNew(actor, d, 1));
                } else {
                    result.add(updateInTransaction(actor, d));
                }
            }
            return result;
        });
    }

    private ServiceEntry editable(Actor actor, String code, int version) {
        ServiceEntry entry = store.find(code, version).orElseThrow(() -> new NotFoundException(SERVICE_KIND, code));
        if (!mayEdit(actor, entry.agency())) {
            throw new NotFoundException(SERVICE_KIND, code);
        }
        return entry;
    }

    private List<ServiceEntry> editableVersions(Actor actor, String code) {
        Objects.requireNonNull(code, "code");
        List<ServiceEntry> versions = store.versions(code);
        if (versions.isEmpty() || !mayEdit(actor, versions.get(0).agency())) {
            throw new NotFoundException(SERVICE_KIND, code);
        }
        return versions;
    }

    private static boolean mayEdit(Actor actor, String agency) {
        return actor.isSystem() || (actor.isStaffOf(agency) && actor.hasRole(EDITOR));
    }

    // ------------------------------------------------------------------------------------ public view

    /**
     * The public version of a service. Public: needs no actor.
     *
     * @param code the service code
     * @return the newest published version in effect today, if any
     */
    public Optional<ServiceEntry> find(String code) {
        Objects.requireNonNull(code, "code");
        return Optional.ofNullable(currentIndex().get(code));
    }

    /**
     * Searches the public catalogue. Public: needs no actor, shows only what is published and in effect.
     *
     * @param query words and filters
     * @param page which page of the results
     * @return the matching services, best match first (ties by code); an empty query lists all by code
     * @throws ValidationException {@code VALIDATION_FAILED} when the query text is longer than
     *     {@link CatalogQuery#MAX_TEXT_LENGTH}
     */
    public Page<ServiceEntry> search(CatalogQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        if (query.text() != null && query.text().length() > CatalogQuery.MAX_TEXT_LENGTH) {
            throw ValidationException.of("q", LocalizedText.of(
                    "must be at most " + CatalogQuery.MAX_TEXT_LENGTH + " characters long",
                    "長度不可超過 " + CatalogQuery.MAX_TEXT_LENGTH + " 個字元",
                    "deve ter no máximo " + CatalogQuery.MAX_TEXT_LENGTH + " caracteres"));
        }
        return currentIndex().search(query, page);
    }

    /**
     * The public catalogue's agencies, categories and life events, for search filters.
     *
     * @return the distinct codes in use, sorted
     */
    public Facets facets() {
        SearchIndex current = currentIndex();
        return new Facets(current.agencies(), current.categories(), current.lifeEvents());
    }

    /**
     * Codes in use in the public catalogue.
     *
     * @param agencies agency codes, sorted
     * @param categories category codes, sorted
     * @param lifeEvents life-event codes, sorted
     */
    public record Facets(List<String> agencies, List<String> categories, List<String> lifeEvents) {
        /** Copies the lists. */
        public Facets {
            agencies = List.copyOf(agencies);
            categories = List.copyOf(categories);
            lifeEvents = List.copyOf(lifeEvents);
        }
    }

    /**
     * @param published every published version
     * @param today the day
     * @return per service the newest published version in effect on that day
     */
    static List<ServiceEntry> current(List<ServiceEntry> published, LocalDate today) {
        Map<String, ServiceEntry> current = new LinkedHashMap<>();
        for (ServiceEntry e : published) {
            if (e.status() == ServiceStatus.PUBLISHED && e.effectiveFrom() != null
                    && !e.effectiveFrom().isAfter(today)) {
                current.merge(e.code(), e, (a, b) -> a.version() >= b.version() ? a : b);
            }
        }
        return current.values().stream().sorted(Comparator.comparing(ServiceEntry::code)).collect(Collectors.toList());
    }

    private SearchIndex currentIndex() {
        IndexState state = index;
        long nowNanos = System.nanoTime();
        if (nowNanos - state.checkedAtNanos() < refreshNanos && state.changeCount() != Long.MIN_VALUE) {
            return state.index();
        }
        synchronized (indexLock) {
            state = index;
            if (System.nanoTime() - state.checkedAtNanos() < refreshNanos && state.changeCount() != Long.MIN_VALUE) {
                return state.index();
            }
            long changes = store.changeCount();
            LocalDate today = today();
            if (changes == state.changeCount() && today.equals(state.day())) {
                index = new IndexState(state.index(), changes, today, System.nanoTime());
                return state.index();
            }
            SearchIndex rebuilt = SearchIndex.build(current(store.published(), today));
            LOG.debug("catalogue search index rebuilt with {} services", rebuilt.size());
            index = new IndexState(rebuilt, changes, today, System.nanoTime());
            return rebuilt;
        }
    }

    /**
     * Runs a change in a transaction and marks the index stale again once it returned, so that a
     * search that rebuilt the index from the not yet committed state does not keep it.
     */
    private <T> T change(java.util.function.Supplier<T> work) {
        try {
            return transactions.inTransaction(work);
        } finally {
            invalidateIndex();
        }
    }

    private void invalidateIndex() {
        synchronized (indexLock) {
            index = new IndexState(index.index(), Long.MIN_VALUE, LocalDate.MIN, 0L);
        }
    }

    private record IndexState(SearchIndex index, long changeCount, LocalDate day, long checkedAtNanos) {
    }

    // ------------------------------------------------------------------------------------ helpers

    private void record(Actor actor, String action, ServiceEntry entry, Map<String, ?> details) {
        audit.append(actor, action, AGGREGATE, entry.code(), details);
        events.publish(DomainEvent.builder(action)
                .id(ids.next())
                .occurredAt(now())
                .aggregate(AGGREGATE, entry.code())
                .agency(entry.agency())
                .payload(details)
                .payload("status", entry.status())
                .build());
        invalidateIndex();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static <T> T require(@Nullable T value, String name) {
        if (value == null) {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, "CatalogService needs " + name + "(...)");
        }
        return value;
    }

    /** Configures a {@link CatalogService}. Not thread-safe; build once and share the result. */
    public static final class Builder {
        private @Nullable CatalogStore store;
        private @Nullable TransactionRunner transactions;
        private @Nullable AuditTrail audit;
        private @Nullable EventPublisher events;
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneId.of("UTC");
        private Duration refreshInterval = Duration.ofSeconds(5);

        private Builder() {
        }

        /**
         * @param value where entries are kept
         * @return this builder
         */
        public Builder store(CatalogStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * @param value runs each change in one transaction
         * @return this builder
         */
        public Builder transactions(TransactionRunner value) {
            this.transactions = Objects.requireNonNull(value, "transactions");
            return this;
        }

        /**
         * @param value the audit trail
         * @return this builder
         */
        public Builder audit(AuditTrail value) {
            this.audit = Objects.requireNonNull(value, "audit");
            return this;
        }

        /**
         * @param value the event publisher
         * @return this builder
         */
        public Builder events(EventPublisher value) {
            this.events = Objects.requireNonNull(value, "events");
            return this;
        }

        /**
         * @param value the clock; default the system clock in UTC
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @param value the time zone in which effective dates are days; default UTC
         * @return this builder
         */
        public Builder zone(ZoneId value) {
            this.zone = Objects.requireNonNull(value, "zone");
            return this;
        }

        /**
         * @param value how long a search may use the index before checking the store for changes made
         *     by other application instances; default 5 seconds, {@link Duration#ZERO} checks on every search
         * @return this builder
         */
        public Builder refreshInterval(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("refreshInterval must not be negative");
            }
            this.refreshInterval = value;
            return this;
        }

        /**
         * @return the service
         * @throws GcamException {@code CONFIGURATION_INVALID} when a required part is missing
         */
        public CatalogService build() {
            return new CatalogService(this);
        }
    }
}
