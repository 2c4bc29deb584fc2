package io.gcam.core;

import java.util.List;
import java.util.Objects;

/**
 * A reference number handed out by, or read back through, a {@link ReferenceNumberGenerator}.
 *
 * <p>{@link #toString()} is the number itself, so the record can be used wherever the text is
 * wanted; modules store and exchange {@link #value()}.
 *
 * @param value the number as printed, e.g. {@code REC-2026-000042-78}
 * @param series the counter it was taken from: the generator's name followed by the date parts,
 *     each after a {@code /}, e.g. {@code application/2026}
 * @param dateParts the rendered {@code [cy:...]} parts in format order, e.g. {@code [2026]}; empty
 *     when the format has none
 * @param sequence the running number within the series, at least 1
 */
public record ReferenceNumber(String value, String series, List<String> dateParts, long sequence) {

    /** Checks the components and copies the list. */
    public ReferenceNumber {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(series, "series");
        dateParts = List.copyOf(dateParts);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a reference number is not empty");
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("a reference number's sequence is at least 1, got " + sequence);
        }
    }

    /** @return the number as printed, {@link #value()} */
    @Override
    public String toString() {
        return value;
    }
}
