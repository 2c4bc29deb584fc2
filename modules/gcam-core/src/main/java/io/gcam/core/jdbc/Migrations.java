package io.gcam.core.jdbc;

import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

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
 * concurrent migrations with a database lock and applies each script once.
 */
public final class Migrations {

    private static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9]*");

    private Migrations() {
    }

    /**
     * Applies the pending migrations of {@code module}.
     *
     * @param dataSource where the tables live (a plain, non-transactional data source)
     * @param module the module's short name, e.g. {@code core}
     * @return the number of scripts applied by this call
     * @throws GcamException {@code CONFIGURATION_INVALID} when a script fails or the history does
     *     not match the scripts on the classpath
     */
    public static int migrate(DataSource dataSource, String module) {
        Objects.requireNonNull(dataSource, "dataSource");
        if (!MODULE.matcher(module).matches()) {
            throw new IllegalArgumentException("module name must be lower-case letters and digits: " + module);
        }
        try {
            MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/gcam/" + module)
                    .table("gcam_" + module + "_schema_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, e,
                    "database migration of module '" + module + "' failed: " + e.getMessage());
        }
    }
}
