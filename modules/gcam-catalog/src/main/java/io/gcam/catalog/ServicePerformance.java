package io.gcam.catalog;

import io.gcam.catalog.spi.CatalogStore;
import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.BusinessCalendar;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.DomainEvent;
import io.gcam.core.DomainEventListener;
import io.gcam.core.GcamException;
import io.gcam.core.LocalizedText;
import io.gcam.core.ValidationException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Performance figures for decision makers: per service and month, applications received and
 * completed, the median processing time in working days and the share completed within the
 * service's committed maximum. Fed by workflow events, so it works the same for every agency that
 * runs a GCAM workflow.
 *
 * <pre>{@code
 * ServicePerformance performance = ServicePerformance.builder()
 *         .store(catalogStore).catalog(catalog).calendar(calendar)
 *         .track("recruitment", "SAFP-RECRUIT", Set.of("approved", "rejected"))
 *         .build();
 * events.subscribe(SynchronousEventPublisher.ALL_TYPES, performance, OnFailure.PROPAGATE);
 * List<MonthlyFigures> figures = performance.figures(director, "SAFP-RECRUIT", YearMonth.of(2026, 1),
 *         YearMonth.of(2026, 6));
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>It listens to {@code workflow.application_submitted} (received) and
 *       {@code workflow.application_transitioned} into a tracked final state (completed) of the
 *       tracked application types, and records them through the {@link CatalogStore} in the
 *       publisher's transaction: a rolled-back workflow change is not counted. A redelivered event
 *       is counted once. Events of other types and untracked application types are ignored.</li>
 *   <li>It stores identifiers and times only, never personal data.</li>
 *   <li>Figures are shown to staff of the service's agency and to the system.</li>
 * </ul>
 * Thread-safe.
 */
public final class ServicePerformance implements DomainEventListener {

    /** The workflow event of a new application. */
    public static final String SUBMITTED = "workflow.application_submitted";
    /** The workflow event of a state change. */
    public static final String TRANSITIONED = "workflow.application_transitioned";
    /** The most months one {@link #figures} call covers. */
    public static final int MAX_MONTHS = 36;

    private final CatalogStore store;
    private final CatalogService catalog;
    private final BusinessCalendar calendar;
    private final Map<String, Tracked> tracked;

    private ServicePerformance(Builder b) {
        this.store = require(b.store, "store");
        this.catalog = require(b.catalog, "catalog");
        this.calendar = b.calendar != null ? b.calendar : BusinessCalendar.builder().build();
        this.tracked = Map.copyOf(b.tracked);
    }

    /** @return a builder; store and catalog are required */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void onEvent(DomainEvent event) {
        if (!event.type().equals(SUBMITTED) && !event.type().equals(TRANSITIONED)) {
            return;
        }
        Object type = event.payload().get("type");
        Tracked t = type instanceof String s ? tracked.get(s) : null;
        if (t == null || event.agency() == null) {
            return;
        }
        if (event.type().equals(SUBMITTED)) {
            store.recordReceived(new CaseRecord(event.aggregateId(), t.serviceCode(), event.agency(),
                    event.occurredAt(), null));
        } else if (event.payload().get("to") instanceof String to && t.finalStates().contains(to)) {
            store.recordCompleted(event.aggregateId(), event.occurredAt());
        }
    }

    /**
     * The figures of one service for a range of months.
     *
     * @param actor staff of the service's agency, or the system
     * @param serviceCode the service
     * @param from the first month
     * @param to the last month, inclusive, at most {@value #MAX_MONTHS} months after {@code from}
     * @return one entry per month, oldest first
     * @throws AccessDeniedException {@code ACCESS_DENIED} unless the actor may see the figures
     * @throws ValidationException {@code VALIDATION_FAILED} when the range is reversed or too long
     */
    public List<MonthlyFigures> figures(Actor actor, String serviceCode, YearMonth from, YearMonth to) {
        Objects.requireNonNull(serviceCode, "serviceCode");
        if (to.isBefore(from) || from.plusMonths(MAX_MONTHS).isBefore(to)) {
            throw ValidationException.of("to", LocalizedText.of(
                    "must be on or after 'from' and at most " + MAX_MONTHS + " months later",
                    "必須不早於開始月份，且不超過其後 " + MAX_MONTHS + " 個月",
                    "deve ser igual ou posterior a 'from' e no máximo " + MAX_MONTHS + " meses depois"));
        }
        List<ServiceEntry> versions = store.versions(serviceCode);
        ServiceEntry service = catalog.find(serviceCode)
                .orElse(versions.isEmpty() ? null : versions.get(versions.size() - 1));
        String agency = service == null ? null : service.agency();
        if (!(actor.isSystem() || (agency != null && actor.isStaffOf(agency)))) {
            throw new AccessDeniedException("read service performance");
        }
        Integer sla = service != null && service.definition().processingTime() != null
                ? service.definition().processingTime().maxWorkingDays() : null;
        ZoneId zone = calendar.zone();
        Instant start = from.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = to.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Map<YearMonth, long[]> received = new HashMap<>();
        Map<YearMonth, List<Long>> durations = new HashMap<>();
        for (CaseRecord c : store.cases(serviceCode, start, end)) {
            YearMonth in = YearMonth.from(c.receivedAt().atZone(zone));
            received.computeIfAbsent(in, k -> new long[1])[0]++;
            if (c.completedAt() != null) {
                YearMonth done = YearMonth.from(c.completedAt().atZone(zone));
                durations.computeIfAbsent(done, k -> new ArrayList<>()).add(
                        calendar.workingDaysBetween(calendar.dateOf(c.receivedAt()), calendar.dateOf(c.completedAt())));
            }
        }
        List<MonthlyFigures> result = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            long in = received.getOrDefault(m, new long[1])[0];
            List<Long> d = durations.getOrDefault(m, List.of());
            Double median = d.isEmpty() ? null : median(d);
            Double compliance = null;
            if (sla != null && !d.isEmpty()) {
                long within = d.stream().filter(x -> x <= sla).count();
                compliance = (double) within / d.size();
            }
            result.add(new MonthlyFigures(serviceCode, m, in, d.size(), median, sla, compliance));
        }
        return result;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static <T> T require(@Nullable T value, String name) {
        if (value == null) {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, "ServicePerformance needs " + name + "(...)");
        }
        return value;
    }

    private record Tracked(String serviceCode, Set<String> finalStates) {
    }

    /** Configures a {@link ServicePerformance}. */
    public static final class Builder {
        private @Nullable CatalogStore store;
        private @Nullable CatalogService catalog;
        private @Nullable BusinessCalendar calendar;
        private final Map<String, Tracked> tracked = new HashMap<>();

        private Builder() {
        }

        /**
         * @param value where case records are kept
         * @return this builder
         */
        public Builder store(CatalogStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * @param value the catalogue, for each service's agency and committed processing time
         * @return this builder
         */
        public Builder catalog(CatalogService value) {
            this.catalog = Objects.requireNonNull(value, "catalog");
            return this;
        }

        /**
         * @param value working days and the time zone of months; default Monday to Friday in UTC, no holidays
         * @return this builder
         */
        public Builder calendar(BusinessCalendar value) {
            this.calendar = Objects.requireNonNull(value, "calendar");
            return this;
        }

        /**
         * Counts the applications of a workflow type for a catalogue service.
         *
         * @param applicationType the workflow application type, e.g. {@code recruitment}
         * @param serviceCode the catalogue service
         * @param finalStates the states in which an application counts as completed (see
         *     {@code WorkflowServiceConnector.terminalStates})
         * @return this builder
         */
        public Builder track(String applicationType, String serviceCode, Set<String> finalStates) {
            tracked.put(Objects.requireNonNull(applicationType, "applicationType"),
                    new Tracked(Objects.requireNonNull(serviceCode, "serviceCode"), Set.copyOf(finalStates)));
            return this;
        }

        /**
         * @return the listener and figures service
         * @throws GcamException {@code CONFIGURATION_INVALID} when a required part is missing
         */
        public ServicePerformance build() {
            return new ServicePerformance(this);
        }
    }
}
