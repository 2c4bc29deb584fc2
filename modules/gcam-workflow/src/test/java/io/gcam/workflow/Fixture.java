package io.gcam.workflow;

import io.gcam.core.AuditTrail;
import io.gcam.core.BusinessCalendar;
import io.gcam.core.ConfiguredHolidayCalendar;
import io.gcam.core.DomainEvent;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.SynchronousEventPublisher;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.JdbcSequenceStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.workflow.jdbc.JdbcApplicationStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** A workflow service on a real database, with a settable clock and recorded events. */
final class Fixture {

    static final WorkflowDefinition RECRUITMENT = WorkflowDefinition.fromResource(Fixture.class.getClassLoader(),
            "workflows/recruitment-v1.json");

    final DataSource pool;
    final LocalTransactions tx;
    final MutableClock clock = new MutableClock(Instant.parse("2026-09-29T02:00:00Z")); // Tuesday in Macao
    final SynchronousEventPublisher events = SynchronousEventPublisher.create();
    final List<DomainEvent> published = new CopyOnWriteArrayList<>();
    final AuditTrail audit;
    final WorkflowDefinitions definitions;
    final WorkflowService.Builder builder;
    WorkflowService workflow;

    Fixture(DataSource pool, WorkflowDefinition... definitions) {
        this(true, pool, definitions);
    }

    static Fixture unbuilt(DataSource pool, WorkflowDefinition... definitions) {
        return new Fixture(false, pool, definitions);
    }

    private Fixture(boolean build, DataSource pool, WorkflowDefinition... definitions) {
        this.pool = pool;
        Migrations.migrate(pool, "core");
        Migrations.migrate(pool, "workflow");
        this.tx = LocalTransactions.over(pool);
        events.subscribe(SynchronousEventPublisher.ALL_TYPES, published::add, SynchronousEventPublisher.OnFailure.PROPAGATE);
        this.audit = AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build();
        this.definitions = WorkflowDefinitions.of(definitions.length == 0
                ? new WorkflowDefinition[] {RECRUITMENT} : definitions);
        ReferenceNumberGenerator numbers = ReferenceNumberGenerator.builder()
                .name("application")
                .format("REC-[cy:yyyy]-[SEQ:6]-[CHK]")
                .store(JdbcSequenceStore.create(pool))
                .clock(clock)
                .build();
        BusinessCalendar calendar = BusinessCalendar.builder()
                .holidays(ConfiguredHolidayCalendar.of(List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2))))
                .zone(ZoneId.of("Asia/Macau"))
                .build();
        this.builder = WorkflowService.builder()
                .definitions(this.definitions)
                .store(JdbcApplicationStore.create(tx.dataSource()))
                .referenceNumbers(numbers)
                .transactions(tx)
                .audit(audit)
                .events(events)
                .calendar(calendar)
                .clock(clock);
        if (build) {
            this.workflow = builder.build();
        }
    }

    Fixture rebuild(Consumer<WorkflowService.Builder> change) {
        change.accept(builder);
        workflow = builder.build();
        return this;
    }

    long count(String sql, Object... params) {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A clock tests move forward. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
