package io.gcam.identity;

import java.time.Instant;

/**
 * An issued one-time code, as the person's client may see it: never the code itself.
 *
 * @param challengeId identifier to send back with the code
 * @param channel where the code was sent
 * @param maskedDestination the destination, masked, to show to the person
 * @param expiresAt when the code stops being accepted
 */
public record CodeChallenge(String challengeId, CodeChannel channel, String maskedDestination, Instant expiresAt) {
}
