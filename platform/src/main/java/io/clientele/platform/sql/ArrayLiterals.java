package io.clientele.platform.sql;

import java.util.List;
import java.util.stream.Collectors;

/**
 * PostgreSQL array literals ({@code {"a","b"}}), for writing many rows with one statement over {@code unnest}: an
 * array of arrays of different lengths cannot be bound, an array of literals cast to {@code text[]} row by row can.
 */
public final class ArrayLiterals {

    private ArrayLiterals() {
    }

    /** Every element quoted; null elements are written as empty text. */
    public static String of(List<String> items) {
        return items.stream().map(item -> item == null ? "" : item)
                .map(item -> '"' + item.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }
}
