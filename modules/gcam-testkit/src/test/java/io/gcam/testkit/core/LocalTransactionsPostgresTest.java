package io.gcam.testkit.core;

import static io.gcam.testkit.core.Databases.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gcam.core.GcamException;
import io.gcam.testsupport.db.TestDatabases;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

class LocalTransactionsPostgresTest extends LocalTransactionsContract {

    @Override
    TestDatabase database() {
        return TestDatabases.postgres();
    }

    @Test
    void reportsAFailedCommitAsStorageFailureAndReleasesTheConnection() {
        execute(pool, "CREATE TABLE deferred_item (id BIGINT NOT NULL,"
                + " CONSTRAINT deferred_item_unique UNIQUE (id) DEFERRABLE INITIALLY DEFERRED)");

        Throwable thrown = catchThrowable(() -> tx.inTransaction(() -> withConnection(c -> {
            Databases.update(c, "INSERT INTO deferred_item (id) VALUES (1)");
            Databases.update(c, "INSERT INTO deferred_item (id) VALUES (1)"); // checked only at commit
            Databases.update(c, "INSERT INTO item (id) VALUES (1)");
        })));

        assertThat(thrown).isInstanceOfSatisfying(GcamException.class,
                e -> assertThat(e.code()).isEqualTo("STORAGE_FAILURE"));
        assertThat(committedItems()).isZero();
        tx.inTransaction(() -> insert(2));
        assertThat(committedItems()).isEqualTo(1);
    }
}
