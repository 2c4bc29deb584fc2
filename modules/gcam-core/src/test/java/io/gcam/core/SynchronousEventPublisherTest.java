package io.gcam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gcam.core.SynchronousEventPublisher.OnFailure;
import io.gcam.core.SynchronousEventPublisher.Subscription;
import io.gcam.core.jdbc.LocalTransactions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SynchronousEventPublisherTest {

    private final SynchronousEventPublisher events = SynchronousEventPublisher.create();
    private final List<String> calls = new ArrayList<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(SynchronousEventPublisher.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    private static DomainEvent event(String type) {
        return DomainEvent.builder(type)
                .id(UUID.randomUUID().toString())
                .occurredAt(Instant.parse("2026-03-01T09:30:00Z"))
                .aggregate("registration", "r-1")
                .payload("email", "chan.tai.man@example.mo")
                .build();
    }

    @Test
    void deliversToListenersOfTheTypeAndToAllTypeListenersInRegistrationOrder() {
        events.subscribe("registration.confirmed", e -> calls.add("confirmed-1"));
        events.subscribe(SynchronousEventPublisher.ALL_TYPES, e -> calls.add("all:" + e.type()));
        events.subscribe("registration.cancelled", e -> calls.add("cancelled"));
        events.subscribe("registration.confirmed", e -> calls.add("confirmed-2"));

        events.publish(event("registration.confirmed"));

        assertThat(calls).containsExactly("confirmed-1", "all:registration.confirmed", "confirmed-2");
    }

    @Test
    void aFailingListenerIsLoggedWithoutPayloadAndDoesNotStopTheOthers() {
        events.subscribe("registration.confirmed", e -> calls.add("before"));
        events.subscribe("registration.confirmed", e -> {
            throw new IllegalStateException("listener bug");
        });
        events.subscribe("registration.confirmed", e -> calls.add("after"));
        DomainEvent event = event("registration.confirmed");

        events.publish(event);

        assertThat(calls).containsExactly("before", "after");
        assertThat(log.list).singleElement().satisfies(entry -> {
            assertThat(entry.getLevel()).isEqualTo(Level.ERROR);
            assertThat(entry.getFormattedMessage()).contains(event.id(), "registration.confirmed")
                    .doesNotContain("chan.tai.man");
            assertThat(entry.getThrowableProxy().getMessage()).isEqualTo("listener bug");
        });
    }

    @Test
    void aFailingPropagatingListenerStopsDeliveryAndReachesTheCaller() {
        events.subscribe("registration.confirmed", e -> calls.add("before"));
        events.subscribe("registration.confirmed", e -> {
            throw new IllegalStateException("outbox down");
        }, OnFailure.PROPAGATE);
        events.subscribe("registration.confirmed", e -> calls.add("after"));

        assertThatThrownBy(() -> events.publish(event("registration.confirmed")))
                .isInstanceOf(IllegalStateException.class).hasMessage("outbox down");
        assertThat(calls).containsExactly("before");
    }

    @Test
    void closingASubscriptionStopsDelivery() {
        Subscription first = events.subscribe("registration.confirmed", e -> calls.add("first"));
        events.subscribe("registration.confirmed", e -> calls.add("second"));
        first.close();
        first.close();

        events.publish(event("registration.confirmed"));

        assertThat(calls).containsExactly("second");
    }

    @Test
    void theSameListenerSubscribedTwiceIsRemovedOneSubscriptionAtATime() {
        DomainEventListener listener = e -> calls.add("x");
        Subscription one = events.subscribe("registration.confirmed", listener);
        events.subscribe("registration.confirmed", listener);
        one.close();

        events.publish(event("registration.confirmed"));

        assertThat(calls).containsExactly("x");
    }

    @Test
    void eventsPublishedByAListenerAreDeliveredBeforePublishReturns() {
        events.subscribe("registration.confirmed", e -> {
            calls.add("confirmed");
            events.publish(event("notification.requested"));
        });
        events.subscribe("notification.requested", e -> calls.add("requested"));

        events.publish(event("registration.confirmed"));
        calls.add("returned");

        assertThat(calls).containsExactly("confirmed", "requested", "returned");
    }

    @Test
    void listenerWritesCommitAndRollBackWithTheCallersTransaction() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:events_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        LocalTransactions tx = LocalTransactions.over(h2);
        DataSource ds = tx.dataSource();
        execute(ds, "CREATE TABLE change_log (what VARCHAR(50) NOT NULL)");
        execute(ds, "CREATE TABLE outbox (event_id VARCHAR(50) NOT NULL)");
        events.subscribe("registration.confirmed",
                e -> tx.inTransaction(() -> execute(ds, "INSERT INTO outbox VALUES ('" + e.id() + "')")),
                OnFailure.PROPAGATE);

        tx.inTransaction(() -> {
            execute(ds, "INSERT INTO change_log VALUES ('committed')");
            events.publish(event("registration.confirmed"));
        });
        assertThatThrownBy(() -> tx.inTransaction(() -> {
            execute(ds, "INSERT INTO change_log VALUES ('rolled back')");
            events.publish(event("registration.confirmed"));
            throw new IllegalStateException("the service fails after publishing");
        })).hasMessage("the service fails after publishing");

        assertThat(count(h2, "change_log")).isEqualTo(1);
        assertThat(count(h2, "outbox")).isEqualTo(1);
    }

    @Test
    void aPropagatingListenerFailureRollsBackTheCallersChange() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:events_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        LocalTransactions tx = LocalTransactions.over(h2);
        DataSource ds = tx.dataSource();
        execute(ds, "CREATE TABLE change_log (what VARCHAR(50) NOT NULL)");
        events.subscribe("registration.confirmed", e -> {
            throw new IllegalStateException("outbox down");
        }, OnFailure.PROPAGATE);

        assertThatThrownBy(() -> tx.inTransaction(() -> {
            execute(ds, "INSERT INTO change_log VALUES ('change')");
            events.publish(event("registration.confirmed"));
        })).hasMessage("outbox down");

        assertThat(count(h2, "change_log")).isZero();
    }

    private static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
