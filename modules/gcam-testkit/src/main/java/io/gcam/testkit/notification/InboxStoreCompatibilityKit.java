package io.gcam.testkit.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.notification.InboxMessage;
import io.gcam.notification.spi.InboxStore;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link InboxStore}, as tests. Extend it and implement {@link #createStore()}
 * (a store over empty storage for each test).
 */
public abstract class InboxStoreCompatibilityKit {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    private InboxStore store;

    /** Creates the kit; the store comes from {@link #createStore()} before each test. */
    protected InboxStoreCompatibilityKit() {
    }

    /**
     * Supplies the store under test; called before each test.
     *
     * @return a store over empty storage
     */
    protected abstract InboxStore createStore();

    @BeforeEach
    void createTheStore() {
        store = createStore();
    }

    private static InboxMessage message(String owner, Instant at) {
        return new InboxMessage(UUID.randomUUID().toString(), owner, "welcome", "Welcome, 陳大文!", at, null);
    }

    @Test
    void addsAMessageForANotificationOnlyOnce() {
        InboxMessage m = message("applicant-1", T0);

        assertThat(store.add(m)).isTrue();
        assertThat(store.add(m)).isFalse();

        assertThat(store.list("applicant-1", PageRequest.first()).items()).containsExactly(m);
    }

    @Test
    void listsTheOwnersMessagesNewestFirstInPages() {
        InboxMessage oldest = message("applicant-2", T0);
        InboxMessage middle = message("applicant-2", T0.plusSeconds(1));
        InboxMessage newest = message("applicant-2", T0.plusSeconds(2));
        store.add(middle);
        store.add(newest);
        store.add(oldest);
        store.add(message("someone-else", T0.plusSeconds(3)));

        Page<InboxMessage> first = store.list("applicant-2", PageRequest.of(0, 2));
        Page<InboxMessage> second = store.list("applicant-2", PageRequest.of(1, 2));

        assertThat(first.items()).containsExactly(newest, middle);
        assertThat(first.total()).isEqualTo(3);
        assertThat(second.items()).containsExactly(oldest);
        assertThat(store.list("nobody", PageRequest.first()).items()).isEmpty();
    }

    @Test
    void marksReadOnlyTheOwnersMessageAndKeepsTheFirstReadTime() {
        InboxMessage m = message("applicant-3", T0);
        store.add(m);

        assertThat(store.markRead("intruder", m.id(), T0.plusSeconds(1))).isFalse();
        assertThat(store.markRead("applicant-3", m.id(), T0.plusSeconds(2))).isTrue();
        assertThat(store.markRead("applicant-3", m.id(), T0.plusSeconds(3))).isTrue();
        assertThat(store.markRead("applicant-3", "no-such-id", T0)).isFalse();

        assertThat(store.list("applicant-3", PageRequest.first()).items()).singleElement()
                .extracting(InboxMessage::readAt).isEqualTo(T0.plusSeconds(2));
    }
}
