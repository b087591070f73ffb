package io.clientele.customer.export;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** A customer's field as one spreadsheet cell's text. */
final class CellText {

    private CellText() {
    }

    static String of(Object value) {
        return switch (value) {
            case null -> "";
            case Collection<?> items -> items.stream().map(String::valueOf).collect(Collectors.joining(", "));
            case Map<?, ?> entries -> entries.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                    .collect(Collectors.joining("; "));
            default -> value.toString();
        };
    }
}
