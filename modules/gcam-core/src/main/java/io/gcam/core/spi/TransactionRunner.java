package io.gcam.core.spi;

import java.util.function.Supplier;

/**
 * Runs work inside one database transaction. GCAM services wrap every state change, its audit
 * entry, its domain events and the listeners that write (for example the notification outbox) in
 * one call, so that a rolled-back change leaves no trace and notifies no one.
 *
 * <p>Guarantees an implementation must give:
 * <ul>
 *   <li>When no transaction is active on the calling thread, one is started; it commits when
 *       {@code work} returns and rolls back when {@code work} throws (the exception propagates
 *       unchanged).</li>
 *   <li>When a transaction is already active, {@code work} joins it: nothing commits until the
 *       outermost call returns, and an exception from {@code work} marks the whole transaction for
 *       rollback.</li>
 *   <li>A transaction that ends rolled back although the outermost {@code work} returned normally
 *       (because an inner failure was caught) is reported by throwing, never by returning as if the
 *       work had been saved ({@link io.gcam.core.jdbc.LocalTransactions} throws
 *       {@code TRANSACTION_ROLLED_BACK}).</li>
 *   <li>JDBC stores used inside {@code work} see the same connection, through the transaction-aware
 *       {@link javax.sql.DataSource} that goes with this runner.</li>
 * </ul>
 *
 * <p>The default is {@link io.gcam.core.jdbc.LocalTransactions} (plain JDBC). An application on
 * Spring or JTA supplies an adapter around its own transaction manager instead.
 */
@FunctionalInterface
public interface TransactionRunner {

    /**
     * Runs {@code work} in a transaction, joining the current one if any.
     *
     * @param work the work; its result is returned
     * @param <T> result type
     * @return what {@code work} returned
     */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code work} in a transaction, joining the current one if any.
     *
     * @param work the work
     */
    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
