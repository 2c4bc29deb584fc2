package io.gcam.core.jdbc;

import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a module's tables up to date. Each module keeps its SQL migrations in
 * {@code src/main/resources/db/gcam/<module>/} ({@code V1__init.sql}, {@code V2__...}) and its own
 * Flyway history table {@code gcam_<module>_schema_history}, so modules can be added to an existing
 * schema, and upgraded, independently.
 *
 * <pre>{@code
 * Migrations.migrate(dataSource, "core");
 * Migrations.migrate(dataSource, "registration");
 * }</pre>
 *
 * <p>Safe to call at every start-up and from several instances at once: Flyway serializes
 * concurrent migrations with a database lock and applies each script once. (When several instances
 * start a module on the same database for the very first time, the ones that lose the race to
 * create its history table simply migrate again.) On H2, Flyway's lock does not cover a module's
 * first migration, so migrations of H2 databases are serialized within the JVM; several processes
 * migrating one H2 database for the first time at once are not supported. A script whose name does
 * not follow
 * {@code V<n>__<description>.sql} is an error rather than silently skipped.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9]*");
    private static final int MAX_ATTEMPTS = 3;
    private static final ReentrantLock H2_MIGRATIONS = new ReentrantLock();

    private Migrations() {
    }

    /**
     * Applies the pending migrations of {@code module}.
     *
     * @param dataSource where the tables live (a plain, non-transactional data source)
     * @param module the module's short name, e.g. {@code core}
     * @return the number of scripts applied by this call
     * @throws IllegalArgumentException when {@code module} is not lower-case ASCII letters and digits
     *     starting with a letter (the database is not touched)
     * @throws GcamException {@code CONFIGURATION_INVALID} when the module has no scripts on the
     *     classpath, a script is misnamed or fails, or the history does not match the scripts
     */
    public static int migrate(DataSource dataSource, String module) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(module, "module");
        if (!MODULE.matcher(module).matches()) {
            throw new IllegalArgumentException("module name must be lower-case letters and digits: " + module);
        }
        FluentConfiguration configuration = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/gcam/" + module)
                .table("gcam_" + module + "_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true)
                .validateMigrationNaming(true);
        // Flyway locks H2 with SELECT ... FOR UPDATE on the history table, which locks nothing while
        // that table is new and empty: serialize H2 migrations within this JVM instead.
        boolean h2 = isH2(dataSource);
        if (h2) {
            H2_MIGRATIONS.lock();
        }
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    MigrateResult result = configuration.load().migrate();
                    return result.migrationsExecuted;
                } catch (FlywayException e) {
                    if (attempt < MAX_ATTEMPTS && isConcurrentFirstStart(e)) {
                        // Another instance created this module's history table between Flyway's
                        // check and its baseline. The table exists now, so the next attempt takes
                        // Flyway's lock and applies only what the other instance has not.
                        LOG.debug("history table of module {} was created concurrently; migrating again", module);
                        continue;
                    }
                    throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, e,
                            "database migration of module '" + module + "' failed: " + e.getMessage());
                }
            }
        } finally {
            if (h2) {
                H2_MIGRATIONS.unlock();
            }
        }
    }

    private static boolean isH2(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            return false; // Flyway reports the connection failure
        }
    }

    private static boolean isConcurrentFirstStart(FlywayException e) {
        String message = e.getMessage();
        return message != null && message.startsWith("Unable to baseline schema history table");
    }
}
