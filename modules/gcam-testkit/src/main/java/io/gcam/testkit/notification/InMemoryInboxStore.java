package io.gcam.testkit.notification;

import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.notification.InboxMessage;
import io.gcam.notification.spi.InboxStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@link InboxStore} in memory: thread-safe, one JVM only. For tests and demos. */
public final class InMemoryInboxStore implements InboxStore {

    private final Map<String, InboxMessage> messages = new LinkedHashMap<>();

    /** Creates an empty inbox. */
    public InMemoryInboxStore() {
    }

    @Override
    public synchronized boolean add(InboxMessage message) {
        return messages.putIfAbsent(message.id(), message) == null;
    }

    @Override
    public synchronized Page<InboxMessage> list(String subjectId, PageRequest page) {
        List<InboxMessage> owned = messages.values().stream()
                .filter(m -> m.subjectId().equals(subjectId))
                .sorted(Comparator.comparing(InboxMessage::createdAt).thenComparing(InboxMessage::id).reversed())
                .toList();
        List<InboxMessage> items = owned.stream().skip(page.offset()).limit(page.size()).toList();
        return Page.of(items, page, owned.size());
    }

    @Override
    public synchronized boolean markRead(String subjectId, String messageId, Instant at) {
        InboxMessage m = messages.get(messageId);
        if (m == null || !m.subjectId().equals(subjectId)) {
            return false;
        }
        if (m.readAt() == null) {
            messages.put(messageId, new InboxMessage(m.id(), m.subjectId(), m.templateId(), m.text(), m.createdAt(), at));
        }
        return true;
    }
}
