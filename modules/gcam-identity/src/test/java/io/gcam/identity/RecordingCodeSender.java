package io.gcam.identity;

import io.gcam.identity.spi.CodeSender;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test sender: keeps what it was asked to send. */
public final class RecordingCodeSender implements CodeSender {
    record Sent(CodeChannel channel, String destination, String code, Instant expiresAt) {
    }

    public int count() {
        return sent.size();
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(CodeChannel channel, String destination, String code, Instant expiresAt, Locale locale) {
        sent.add(new Sent(channel, destination, code, expiresAt));
    }

    public String lastCode() {
        return sent.get(sent.size() - 1).code();
    }
}
