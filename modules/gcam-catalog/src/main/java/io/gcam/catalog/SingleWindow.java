package io.gcam.catalog;

import io.gcam.catalog.spi.CatalogStore;
import io.gcam.catalog.spi.FiledApplication;
import io.gcam.catalog.spi.FilingRequest;
import io.gcam.catalog.spi.RemoteStatus;
import io.gcam.catalog.spi.ServiceConnector;
import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.DomainEvent;
import io.gcam.core.GcamException;
import io.gcam.core.IdGenerator;
import io.gcam.core.LocalizedText;
import io.gcam.core.ValidationException;
import io.gcam.core.spi.EventPublisher;
import io.gcam.core.spi.TransactionRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One place to apply for any agency's service and to follow all of one's applications.
 *
 * <pre>{@code
 * SingleWindow window = SingleWindow.builder()
 *         .catalog(catalog)
 *         .store(catalogStore)
 *         .connector("SAFP", new WorkflowServiceConnector(workflow, Map.of("SAFP-RECRUIT", "recruitment")))
 *         .connector("DSAL", HttpServiceConnector.builder(URI.create("https://dsal.example/gcam")).build())
 *         .transactions(tx).audit(audit).events(events).clock(clock)
 *         .statusTimeout(Duration.ofSeconds(3))
 *         .build();
 * ApplicationReceipt receipt = window.apply(citizen, "SAFP-RECRUIT", "{\"post\":\"clerk\"}");
 * MyApplications mine = window.myApplications(citizen);   // answers within about 3 s, whatever the backends do
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Only an applicant acts, for themselves: {@link #apply} files in their name and
 *       {@link #myApplications} lists only their filings: those made here and those a backend
 *       recorded for applications made there directly (see
 *       {@code WorkflowServiceConnector#filingRecorder}).</li>
 *   <li>Only published services whose agency has a connector can be applied for
 *       ({@code SERVICE_NOT_ONLINE} otherwise).</li>
 *   <li>A filing is recorded, audited ({@code catalog.application_filed}) and published as an event
 *       in one transaction after the agency's backend accepted the application. When recording fails
 *       after the backend accepted, the backend holds an application the list does not show yet; the
 *       connector's idempotency key (the filing id) is logged to reconcile it.</li>
 *   <li>{@link #myApplications} asks every agency's backend at the same time and waits at most
 *       {@link Builder#statusTimeout(Duration)}: an agency that fails or does not answer in time is
 *       named in {@link MyApplications#unavailableAgencies()} and its items are marked unavailable;
 *       the other agencies' statuses are shown. It never fails because of a backend.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} stops the default executor (not one given to the builder).
 */
public final class SingleWindow implements AutoCloseable {

    /** The aggregate type of filing events and audit entries. */
    public static final String AGGREGATE = "catalog_filing";
    /** Longest accepted form, in characters of JSON. */
    public static final int MAX_FORM_LENGTH = 65_536;

    private static final Logger LOG = LoggerFactory.getLogger(SingleWindow.class);

    private final CatalogService catalog;
    private final CatalogStore store;
    private final Map<String, ServiceConnector> connectors;
    private final TransactionRunner transactions;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final Clock clock;
    private final IdGenerator ids;
    private final Duration statusTimeout;
    private final ExecutorService executor;
    private final boolean ownsExecutor;

    private SingleWindow(Builder b) {
        this.catalog = require(b.catalog, "catalog");
        this.store = require(b.store, "store");
        this.connectors = Map.copyOf(b.connectors);
        this.transactions = require(b.transactions, "transactions");
        this.audit = require(b.audit, "audit");
        this.events = require(b.events, "events");
        this.clock = b.clock;
        this.ids = IdGenerator.create(b.clock);
        this.statusTimeout = b.statusTimeout;
        this.ownsExecutor = b.executor == null;
        this.executor = b.executor != null ? b.executor : Executors.newCachedThreadPool(daemonThreads());
    }

    /** @return a builder; catalog, store, transactions, audit and events are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Files an application for a published service with its owning agency.
     *
     * @param applicant the citizen, applying for themselves
     * @param serviceCode the service
     * @param formData the application form as a JSON object
     * @return the recorded filing and the backend's access code
     * @throws AccessDeniedException {@code ACCESS_DENIED} unless the actor is an applicant
     * @throws CatalogException {@code SERVICE_NOT_ONLINE}, {@code AGENCY_UNAVAILABLE}, {@code AGENCY_REJECTED}
     * @throws ValidationException {@code VALIDATION_FAILED} when the form is too long
     */
    public ApplicationReceipt apply(Actor applicant, String serviceCode, String formData) {
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(formData, "formData");
        if (!applicant.isApplicant()) {
            throw new AccessDeniedException("apply through the single window");
        }
        if (formData.length() > MAX_FORM_LENGTH) {
            throw ValidationException.of("formData", LocalizedText.of("The form is too large.", "表格資料過大。",
                    "O formulário é demasiado grande."));
        }
        ServiceEntry service = catalog.find(serviceCode)
                .orElseThrow(() -> new CatalogException(CatalogErrorCode.SERVICE_NOT_ONLINE, serviceCode));
        ServiceConnector connector = connectors.get(service.agency());
        if (connector == null) {
            throw new CatalogException(CatalogErrorCode.SERVICE_NOT_ONLINE, serviceCode);
        }
        String filingId = ids.next();
        FiledApplication filed = connector.file(new FilingRequest(filingId, serviceCode, service.agency(),
                applicant.subjectId(), formData));
        Filing fresh = new Filing(filingId, applicant.subjectId(), serviceCode, service.agency(),
                filed.applicationId(), filed.referenceNumber(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        Filing filing;
        try {
            filing = transactions.inTransaction(() -> {
                // The backend may have recorded it already (WorkflowServiceConnector#filingRecorder):
                // one filing per application, the first one recorded.
                Filing recorded = store.filingsOf(applicant.subjectId()).stream()
                        .filter(f -> f.agency().equals(service.agency()) && f.applicationId().equals(filed.applicationId()))
                        .findFirst().orElse(null);
                if (recorded == null) {
                    store.insertFiling(fresh);
                }
                Filing result = recorded == null ? fresh : recorded;
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("serviceCode", serviceCode);
                details.put("applicationId", result.applicationId());
                details.put("referenceNumber", result.referenceNumber());
                audit.append(applicant, "catalog.application_filed", AGGREGATE, result.id(), details);
                events.publish(DomainEvent.builder("catalog.application_filed")
                        .id(ids.next())
                        .occurredAt(fresh.filedAt())
                        .aggregate(AGGREGATE, result.id())
                        .agency(service.agency())
                        .payload(details)
                        .build());
                return result;
            });
        } catch (RuntimeException e) {
            LOG.error("Agency {} accepted filing {} (application {}) but recording it failed; reconcile by filing id",
                    service.agency(), filingId, filed.applicationId(), e);
            throw e;
        }
        return new ApplicationReceipt(filing, filed.accessCode());
    }

    /**
     * Lists the citizen's applications across all agencies with their public status. Backends are
     * asked in parallel; the answer comes within about {@link Builder#statusTimeout(Duration)}.
     *
     * @param applicant the citizen
     * @return their applications, newest first
     * @throws AccessDeniedException {@code ACCESS_DENIED} unless the actor is an applicant
     */
    public MyApplications myApplications(Actor applicant) {
        Objects.requireNonNull(applicant, "applicant");
        if (!applicant.isApplicant()) {
            throw new AccessDeniedException("list own applications");
        }
        List<Filing> filings = store.filingsOf(applicant.subjectId());
        Map<String, List<String>> idsByAgency = new LinkedHashMap<>();
        for (Filing f : filings) {
            idsByAgency.computeIfAbsent(f.agency(), k -> new ArrayList<>()).add(f.applicationId());
        }
        List<String> agencies = new ArrayList<>();
        List<Callable<List<RemoteStatus>>> calls = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : idsByAgency.entrySet()) {
            ServiceConnector connector = connectors.get(e.getKey());
            if (connector == null) {
                unavailable.add(e.getKey());
                continue;
            }
            agencies.add(e.getKey());
            calls.add(() -> connector.statuses(applicant.subjectId(), List.copyOf(e.getValue())));
        }
        Map<String, RemoteStatus> statuses = new HashMap<>();
        if (!calls.isEmpty()) {
            List<Future<List<RemoteStatus>>> answers;
            try {
                answers = executor.invokeAll(calls, statusTimeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // Asked to stop: answer with what is known, every backend unavailable.
                Thread.currentThread().interrupt();
                answers = List.of();
                unavailable.addAll(agencies);
            }
            for (int i = 0; i < answers.size(); i++) {
                String agency = agencies.get(i);
                try {
                    for (RemoteStatus s : answers.get(i).get()) {
                        statuses.put(agency + "\n" + s.applicationId(), s);
                    }
                } catch (CancellationException e) {
                    LOG.warn("Agency {} did not answer the status request within {}", agency, statusTimeout);
                    unavailable.add(agency);
                } catch (ExecutionException e) {
                    LOG.warn("Agency {} failed the status request", agency, e.getCause());
                    unavailable.add(agency);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    unavailable.add(agency);
                }
            }
        }
        List<MyApplications.Item> items = new ArrayList<>(filings.size());
        Map<String, @Nullable LocalizedText> names = new HashMap<>();
        for (Filing f : filings) {
            LocalizedText name = names.computeIfAbsent(f.serviceCode(),
                    code -> catalog.find(code).map(s -> s.definition().name()).orElse(null));
            boolean available = !unavailable.contains(f.agency());
            items.add(new MyApplications.Item(f, name, available,
                    available ? statuses.get(f.agency() + "\n" + f.applicationId()) : null));
        }
        return new MyApplications(items, unavailable);
    }

    /** Stops the default executor; an executor given to the builder is left running. */
    @Override
    public void close() {
        if (ownsExecutor) {
            executor.shutdownNow();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "gcam-single-window-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static <T> T require(@Nullable T value, String name) {
        if (value == null) {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, "SingleWindow needs " + name + "(...)");
        }
        return value;
    }

    /** Configures a {@link SingleWindow}. Not thread-safe; build once and share the result. */
    public static final class Builder {
        private @Nullable CatalogService catalog;
        private @Nullable CatalogStore store;
        private final Map<String, ServiceConnector> connectors = new HashMap<>();
        private @Nullable TransactionRunner transactions;
        private @Nullable AuditTrail audit;
        private @Nullable EventPublisher events;
        private Clock clock = Clock.systemUTC();
        private Duration statusTimeout = Duration.ofSeconds(3);
        private @Nullable ExecutorService executor;

        private Builder() {
        }

        /**
         * @param value the catalogue whose published services can be applied for
         * @return this builder
         */
        public Builder catalog(CatalogService value) {
            this.catalog = Objects.requireNonNull(value, "catalog");
            return this;
        }

        /**
         * @param value where filings are recorded
         * @return this builder
         */
        public Builder store(CatalogStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * @param agency an agency code
         * @param connector the connector to that agency's backend (replaces an earlier one)
         * @return this builder
         */
        public Builder connector(String agency, ServiceConnector connector) {
            connectors.put(Objects.requireNonNull(agency, "agency"), Objects.requireNonNull(connector, "connector"));
            return this;
        }

        /**
         * @param value runs each recording in one transaction
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
         * @param value the clock; default the system clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @param value how long {@link SingleWindow#myApplications(Actor)} waits for the backends;
         *     default 3 seconds
         * @return this builder
         */
        public Builder statusTimeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("statusTimeout must be positive");
            }
            this.statusTimeout = value;
            return this;
        }

        /**
         * @param value runs the status requests; default a pool of daemon threads owned by the window
         * @return this builder
         */
        public Builder executor(ExecutorService value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /**
         * @return the single window
         * @throws GcamException {@code CONFIGURATION_INVALID} when a required part is missing
         */
        public SingleWindow build() {
            return new SingleWindow(this);
        }
    }
}
