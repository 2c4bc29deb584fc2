package io.gcam.rest.internal;

import org.jspecify.annotations.Nullable;

/**
 * What an idempotent operation's response leaves for replay.
 *
 * @param status HTTP status
 * @param contentType media type of the body, or {@code null} without body
 * @param location the {@code Location} header, or {@code null}
 * @param body the body text (empty without body)
 */
public record StoredResponse(int status, @Nullable String contentType, @Nullable String location, String body) {
}
