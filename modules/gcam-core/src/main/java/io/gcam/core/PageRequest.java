package io.gcam.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Which page of a list to return: a zero-based page number and a page size between 1 and
 * {@link #MAX_SIZE}. Built from untrusted input (query parameters) it rejects bad values with a
 * {@link ValidationException} naming the fields {@code page} and {@code size}.
 *
 * <pre>{@code
 * PageRequest request = PageRequest.of(page, size);   // e.g. from ?page=0&size=20
 * Page<ApplicationSummary> result = applications.search(actor, filter, request);
 * }</pre>
 *
 * @param page zero-based page number, 0 or more
 * @param size maximum number of items on the page, from 1 to {@link #MAX_SIZE}
 */
public record PageRequest(int page, int size) {

    /** The page size used by {@link #first()}. */
    public static final int DEFAULT_SIZE = 20;

    /** The largest page size GCAM accepts, so one request cannot load a whole table. */
    public static final int MAX_SIZE = 200;

    /**
     * Validates the page number and size.
     *
     * @throws ValidationException {@code VALIDATION_FAILED} listing {@code page} when it is negative
     *     and {@code size} when it is outside 1 to {@link #MAX_SIZE}
     */
    public PageRequest {
        List<ValidationException.Violation> violations = new ArrayList<>(2);
        if (page < 0) {
            violations.add(CoreViolations.violation("page", "PAGE_NEGATIVE"));
        }
        if (size < 1 || size > MAX_SIZE) {
            violations.add(CoreViolations.violation("size", "PAGE_SIZE_OUT_OF_RANGE", MAX_SIZE));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /**
     * @param page zero-based page number
     * @param size page size, 1 to {@link #MAX_SIZE}
     * @return the request
     * @throws ValidationException when either value is out of range
     */
    public static PageRequest of(int page, int size) {
        return new PageRequest(page, size);
    }

    /** @return the first page with {@link #DEFAULT_SIZE} items */
    public static PageRequest first() {
        return new PageRequest(0, DEFAULT_SIZE);
    }

    /** @return how many items precede this page ({@code page * size}), for SQL {@code OFFSET} */
    public long offset() {
        return (long) page * size;
    }

    /** @return the request for the following page, same size */
    public PageRequest next() {
        return new PageRequest(Math.addExact(page, 1), size);
    }
}
