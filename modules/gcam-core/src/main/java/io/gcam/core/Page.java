package io.gcam.core;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One page of a longer list, with what a client needs to show a pager.
 *
 * @param items the items on this page, at most {@code size}, in the list's order
 * @param page zero-based number of this page
 * @param size the page size that was asked for
 * @param total the number of items in the whole list
 * @param <T> item type
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    /**
     * Checks that the numbers are consistent with each other.
     *
     * @throws IllegalArgumentException when {@code page} is negative, {@code size} is below 1,
     *     {@code items} has more than {@code size} elements, or {@code total} is smaller than the
     *     items before and on this page
     */
    public Page {
        items = List.copyOf(items);
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1, got page " + page + ", size " + size);
        }
        if (items.size() > size) {
            throw new IllegalArgumentException("a page of size " + size + " cannot hold " + items.size() + " items");
        }
        if (total < 0 || (!items.isEmpty() && total < (long) page * size + items.size())) {
            throw new IllegalArgumentException("total " + total + " is smaller than the items up to this page");
        }
    }

    /**
     * @param items the items on the page
     * @param request the request the page answers
     * @param total the number of items in the whole list
     * @param <T> item type
     * @return the page
     */
    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page(), request.size(), total);
    }

    /**
     * @param request the request the page answers
     * @param <T> item type
     * @return a page with no items of a list with no items
     */
    public static <T> Page<T> empty(PageRequest request) {
        return new Page<>(List.of(), request.page(), request.size(), 0);
    }

    /** @return the number of pages of the whole list (0 when the list is empty) */
    public long totalPages() {
        return (total + size - 1) / size;
    }

    /** @return whether a page follows this one */
    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    /** @return whether a page precedes this one */
    public boolean hasPrevious() {
        return page > 0;
    }

    /**
     * @param mapper converts each item, e.g. to a DTO
     * @param <R> new item type
     * @return a page with the converted items and the same numbers
     */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
