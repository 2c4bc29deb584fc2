package io.gcam.samples.portal;

import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The portal's settings, read from environment variables. Invalid values stop the start with a
 * message naming the variable.
 *
 * @param host the address to listen on ({@code GCAM_HOST}, default {@code 127.0.0.1})
 * @param port the HTTP port ({@code GCAM_PORT}, default 8080; 0 picks a free port)
 * @param dataDir where the H2 database lives ({@code GCAM_DATA_DIR}, default {@code ./data})
 * @param jdbcUrl an external database ({@code GCAM_JDBC_URL}); {@code null} means H2 in {@code dataDir}
 * @param jdbcUser the database user ({@code GCAM_JDBC_USER})
 * @param jdbcPassword the database password ({@code GCAM_JDBC_PASSWORD})
 * @param mode demo (seeded users, dev login) or production ({@code GCAM_MODE}, default demo)
 */
public record Settings(String host, int port, Path dataDir, @Nullable String jdbcUrl, @Nullable String jdbcUser,
        @Nullable String jdbcPassword, Mode mode) {

    /** How the portal runs. */
    public enum Mode {
        /** Seeded demo users and a password-less dev login. Never for real data. */
        DEMO,
        /** No demo users, no dev login. */
        PRODUCTION
    }

    /**
     * @param env environment variables
     * @return the settings
     * @throws GcamException {@code CONFIGURATION_INVALID} naming the first invalid variable
     */
    public static Settings fromEnvironment(Map<String, String> env) {
        String host = value(env, "GCAM_HOST", "127.0.0.1");
        int port = port(value(env, "GCAM_PORT", "8080"));
        Path dataDir;
        try {
            dataDir = Path.of(value(env, "GCAM_DATA_DIR", "./data")).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw invalid("GCAM_DATA_DIR must be a directory path, not '" + env.get("GCAM_DATA_DIR") + "'");
        }
        String jdbcUrl = blankToNull(env.get("GCAM_JDBC_URL"));
        String user = blankToNull(env.get("GCAM_JDBC_USER"));
        String password = env.get("GCAM_JDBC_PASSWORD");
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:")) {
            throw invalid("GCAM_JDBC_URL must be a JDBC URL such as jdbc:postgresql://localhost:5432/gcam");
        }
        if (jdbcUrl == null && (user != null || password != null)) {
            throw invalid("GCAM_JDBC_USER and GCAM_JDBC_PASSWORD need GCAM_JDBC_URL; without it the portal uses H2 in GCAM_DATA_DIR");
        }
        Mode mode = switch (value(env, "GCAM_MODE", "demo").toLowerCase(Locale.ROOT)) {
            case "demo" -> Mode.DEMO;
            case "production" -> Mode.PRODUCTION;
            default -> throw invalid("GCAM_MODE must be 'demo' or 'production', not '" + env.get("GCAM_MODE") + "'");
        };
        return new Settings(host, port, dataDir, jdbcUrl, user, password, mode);
    }

    /** @return the JDBC URL to use: the external one, or H2 in the data directory */
    public String effectiveJdbcUrl() {
        return jdbcUrl != null ? jdbcUrl : "jdbc:h2:file:" + dataDir.resolve("portal").toString().replace('\\', '/');
    }

    @Override
    public String toString() {
        // never the password
        return "Settings[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", jdbcUrl=" + effectiveJdbcUrl()
                + ", mode=" + mode + "]";
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("GCAM_PORT must be a port number from 0 to 65535 (0 picks a free port), not '" + text + "'");
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String value = blankToNull(env.get(name));
        return value == null ? fallback : value.trim();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static GcamException invalid(String message) {
        return new GcamException(CoreErrorCode.CONFIGURATION_INVALID, message);
    }
}
