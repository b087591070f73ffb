package io.clientele.customer.export;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A customer's field as one spreadsheet cell's text. */
final class CellText {

    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9][0-9 ().-]*");

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

    /**
     * The text with a leading apostrophe when a spreadsheet would run it as a formula (it starts with =, +, -, @,
     * tab or carriage return), so that a customer's name cannot run a command on the reader's machine. Plain numbers
     * such as "+33612345678" stay as they are.
     */
    static String neutralised(String text) {
        if (text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 || NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }
}
