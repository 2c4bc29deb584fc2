package io.gcam.core.spi;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Hands out numbers from named counters ("series"), for example the running number inside a
 * reference number such as {@code REC-2026-000042-78}. Implementations: the JDBC store
 * {@code io.gcam.core.jdbc.JdbcSequenceStore} and, for tests, the in-memory store of gcam-testkit;
 * {@code io.gcam.testkit.core.SequenceStoreCompatibilityKit} checks an agency's own store.
 *
 * <p>Guarantees every implementation gives:
 * <ul>
 *   <li>The first number of a series is 1; a series springs into existence on first use.</li>
 *   <li>Numbers are unique within a series: no two calls whose effects last get the same number,
 *       whether they run on one thread, many threads, or in several application instances sharing
 *       the backend.</li>
 *   <li>Numbers increase: a call that starts after another call on the same series has returned
 *       (and, where the store joins transactions, committed) gets a larger number. A store that
 *       reserves blocks of numbers in memory (such as {@code JdbcSequenceStore.reserving}) keeps this
 *       within one process only and must say so; across processes its numbers are unique but not
 *       ordered.</li>
 *   <li>Series are independent, and their names are compared exactly (case-sensitively).</li>
 * </ul>
 *
 * <p>Gaps are allowed. A store that takes each number in its own transaction loses a number when
 * the caller's transaction rolls back afterwards; a store that joins the caller's transaction gives
 * such a number out again, which is not a duplicate because its first use was undone. Within one
 * process and without rollbacks, numbers come without gaps.
 */
public interface SequenceStore {

    /** The longest series name every store accepts, in characters. */
    int MAX_SERIES_LENGTH = 200;

    /**
     * Takes the next number of {@code series}.
     *
     * @param series the counter's name: not blank, at most {@link #MAX_SERIES_LENGTH} characters
     * @return the number, at least 1
     * @throws IllegalArgumentException when {@code series} is blank or too long
     * @throws io.gcam.core.GcamException {@code STORAGE_FAILURE} when the backend fails; no number
     *     was taken that anyone will see
     */
    long next(String series);

    /**
     * The last number taken from {@code series}, without taking one. Meant for monitoring and
     * administration: by the time the caller looks at it, another caller may have taken more.
     *
     * @param series the counter's name
     * @return the largest number taken so far (including, for stores that join transactions, numbers
     *     taken by the caller's own uncommitted transaction); empty when none was taken yet
     * @throws IllegalArgumentException when {@code series} is blank or too long
     * @throws io.gcam.core.GcamException {@code STORAGE_FAILURE} when the backend fails
     */
    OptionalLong current(String series);

    /**
     * Checks a series name against the rules every store applies, for implementations to call
     * first.
     *
     * @param series the name to check
     * @return {@code series}, unchanged
     * @throws IllegalArgumentException when {@code series} is blank or longer than
     *     {@link #MAX_SERIES_LENGTH}
     */
    static String requireValidSeries(String series) {
        Objects.requireNonNull(series, "series");
        if (series.isBlank()) {
            throw new IllegalArgumentException("a sequence series name must not be blank");
        }
        if (series.length() > MAX_SERIES_LENGTH) {
            throw new IllegalArgumentException("a sequence series name has at most " + MAX_SERIES_LENGTH
                    + " characters, got " + series.length());
        }
        return series;
    }
}
