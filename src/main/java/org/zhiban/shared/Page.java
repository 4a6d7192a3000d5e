package org.zhiban.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer list, with how many there are in all: a superior's views and their APIs page what grows
 * with the subtree instead of listing it whole.
 *
 * @param page 1-based
 */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int MAX_SIZE = 200;

    public Page {
        items = List.copyOf(items);
    }

    /** Pages in all; at least one, so that an empty list is page 1 of 1. */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, page, size);
    }

    /** The page of an already counted list held whole in memory. */
    public static <T> Page<T> of(List<T> all, int page, int size) {
        int from = Math.min(all.size(), (page - 1) * size);
        return new Page<>(all.subList(from, Math.min(all.size(), from + size)), all.size(), page, size);
    }

    /**
     * A page number and size a caller asked for, refused with the field named when out of range; a page past the end
     * is answered as an empty page of the right total, since a list can shrink between two requests.
     */
    public static void requireRequest(int page, int size) {
        List<ZhibanException.FieldProblem> problems = new java.util.ArrayList<>();
        if (page < 1) {
            problems.add(new ZhibanException.FieldProblem("page", "页码从 1 开始"));
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.add(new ZhibanException.FieldProblem("size", "每页 1 至 " + MAX_SIZE + " 条"));
        }
        if (!problems.isEmpty()) {
            throw new ZhibanException(400, "VALIDATION_FAILED", problems.stream().map(ZhibanException.FieldProblem::message).collect(java.util.stream.Collectors.joining("；")), problems);
        }
    }

    public static int offset(int page, int size) {
        return (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * size);
    }
}
