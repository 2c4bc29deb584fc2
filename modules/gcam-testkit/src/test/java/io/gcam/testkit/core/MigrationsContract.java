package io.gcam.testkit.core;

import static io.gcam.testkit.core.Databases.execute;
import static io.gcam.testkit.core.Databases.queryLong;
import static io.gcam.testkit.core.Databases.tableExists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.GcamException;
import io.gcam.core.jdbc.Migrations;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guarantees of {@link Migrations}, run on H2 and PostgreSQL by the subclasses. The test
 * modules {@code kittest} (two scripts) and {@code kitbroken} (a failing second script) live in
 * this module's test resources.
 */
abstract class MigrationsContract {

    private TestDatabase database;
    private HikariDataSource pool;

    abstract TestDatabase database();

    /** How many fresh databases the race test starts; a race lost only now and then needs many. */
    int raceRounds() {
        return 6;
    }

    @BeforeEach
    void setUp() {
        database = database();
        pool = database.newPool(2);
    }

    @AfterEach
    void tearDown() {
        pool.close();
    }

    @Test
    void appliesEachScriptOnceAndDoesNothingTheSecondTime() {
        assertThat(Migrations.migrate(pool, "kittest")).isEqualTo(2);
        assertThat(Migrations.migrate(pool, "kittest")).isZero();

        assertThat(tableExists(pool, "kittest_first")).isTrue();
        assertThat(queryLong(pool, "SELECT COUNT(*) FROM kittest_second")).as("V2 ran once").isEqualTo(1);
        assertThat(appliedScripts("kittest")).isEqualTo(2);
    }

    @Test
    void keepsOneHistoryTablePerModuleInASharedSchema() {
        Migrations.migrate(pool, "kittest");

        int core = Migrations.migrate(pool, "core");

        assertThat(core).as("core's scripts run although the schema already has tables").isPositive();
        assertThat(tableExists(pool, "gcam_sequence")).isTrue();
        assertThat(tableExists(pool, "gcam_core_schema_history")).isTrue();
        assertThat(tableExists(pool, "gcam_kittest_schema_history")).isTrue();
        assertThat(appliedScripts("core")).isEqualTo(core);
        assertThat(appliedScripts("kittest")).isEqualTo(2);
        assertThat(Migrations.migrate(pool, "core")).isZero();
        assertThat(Migrations.migrate(pool, "kittest")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Core", "core-x", "core_x", "1core", "../core", "core/x", "core ", "kit test"})
    void rejectsMalformedModuleNamesWithoutTouchingTheDatabase(String module) {
        assertThatThrownBy(() -> Migrations.migrate(pool, module))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("module name must be lower-case letters and digits");

        assertThat(queryLong(pool, "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) LIKE 'gcam%'"))
                .isZero();
    }

    @Test
    void reportsAModuleWithoutScriptsAsAConfigurationError() {
        assertThatThrownBy(() -> Migrations.migrate(pool, "nosuchmodule"))
                .isInstanceOfSatisfying(GcamException.class, e -> {
                    assertThat(e.code()).isEqualTo("CONFIGURATION_INVALID");
                    assertThat(e.getMessage()).contains("module 'nosuchmodule'");
                });
    }

    @Test
    void reportsAFailingScriptAsAConfigurationErrorEveryTime() {
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> Migrations.migrate(pool, "kitbroken"))
                    .isInstanceOfSatisfying(GcamException.class, e -> {
                        assertThat(e.code()).isEqualTo("CONFIGURATION_INVALID");
                        assertThat(e.getMessage()).contains("module 'kitbroken' failed");
                    });
        }
        assertThat(tableExists(pool, "kitbroken_fine")).as("the script before the broken one stays applied").isTrue();
    }

    @Test
    void reportsAMisnamedScriptInsteadOfSkippingIt() {
        assertThatThrownBy(() -> Migrations.migrate(pool, "kitmisnamed"))
                .isInstanceOfSatisfying(GcamException.class, e -> {
                    assertThat(e.code()).isEqualTo("CONFIGURATION_INVALID");
                    assertThat(e.getMessage()).contains("V2_two.sql");
                });
        assertThat(tableExists(pool, "kitmisnamed_one")).isFalse();
    }

    @ParameterizedTest(name = "schema already has other tables: {0}")
    @ValueSource(booleans = {false, true})
    void instancesMigratingANewDatabaseAtOnceApplyEachScriptOnce(boolean otherTablesFirst) throws Exception {
        int instances = 4;
        ExecutorService executor = Executors.newFixedThreadPool(instances);
        try {
            for (int round = 0; round < raceRounds(); round++) {
                TestDatabase fresh = database();
                List<HikariDataSource> pools = new ArrayList<>();
                try {
                    for (int i = 0; i < instances; i++) {
                        pools.add(fresh.newPool(2));
                    }
                    if (otherTablesFirst) {
                        execute(pools.get(0), "CREATE TABLE app_table (id BIGINT NOT NULL PRIMARY KEY)");
                    }
                    CyclicBarrier start = new CyclicBarrier(instances);
                    List<Future<Integer>> results = new ArrayList<>();
                    for (HikariDataSource instance : pools) {
                        results.add(executor.submit(() -> {
                            start.await();
                            return Migrations.migrate(instance, "kittest");
                        }));
                    }
                    int applied = 0;
                    for (Future<Integer> result : results) {
                        applied += result.get(2, TimeUnit.MINUTES);
                    }

                    assertThat(applied).as("round %d", round).isEqualTo(2);
                    assertThat(appliedScripts(pools.get(0), "kittest")).isEqualTo(2);
                    assertThat(queryLong(pools.get(0), "SELECT COUNT(*) FROM kittest_second")).isEqualTo(1);
                } finally {
                    pools.forEach(HikariDataSource::close);
                }
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private long appliedScripts(String module) {
        return appliedScripts(pool, module);
    }

    private static long appliedScripts(HikariDataSource pool, String module) {
        return queryLong(pool, "SELECT COUNT(*) FROM \"gcam_" + module + "_schema_history\""
                + " WHERE \"success\" = TRUE AND \"type\" = 'SQL'");
    }
}
