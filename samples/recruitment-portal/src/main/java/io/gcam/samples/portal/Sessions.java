package io.gcam.samples.portal;

import io.gcam.core.Actor;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Bearer tokens (table {@code portal_session}). A token is 256 random bits; only its SHA-256 is
 * stored, so a copy of the database does not let anyone sign in. Sessions live in the database, so
 * any portal instance sharing it accepts them.
 */
final class Sessions {

    static final Duration LIFETIME = Duration.ofHours(8);

    private final DataSource dataSource;
    private final DemoUsers users;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Sessions(DataSource dataSource, DemoUsers users, Clock clock) {
        this.dataSource = dataSource;
        this.users = users;
        this.clock = clock;
    }

    /**
     * A new token.
     *
     * @param token the bearer token, shown once
     * @param expiresAt when it stops working
     */
    record Issued(String token, Instant expiresAt) {
    }

    Issued issue(String username) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = clock.instant().plus(LIFETIME);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO portal_session (token_hash, username, expires_at) VALUES (?, ?, ?)")) {
            ps.setString(1, hash(token));
            ps.setString(2, username);
            ps.setTimestamp(3, Timestamp.from(expiresAt));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
        return new Issued(token, expiresAt);
    }

    /**
     * @param token a bearer token
     * @return its actor, or empty when the token is unknown or expired
     */
    Optional<Actor> actorOf(String token) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT username FROM portal_session WHERE token_hash = ? AND expires_at > ?")) {
            ps.setString(1, hash(token));
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? users.find(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
