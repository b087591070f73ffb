package io.clientele.gateway;

import org.springframework.util.MultiValueMap;

/** Reading a submitted form's fields: the hosted pages' and the console's. */
public final class Forms {

    private Forms() {
    }

    /** The field's value, trimmed unless it is a password; empty when the field was not sent. */
    public static String field(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        if (value == null) {
            return "";
        }
        return name.toLowerCase(java.util.Locale.ROOT).contains("password") ? value : value.strip();
    }

    /** The field's comma-separated values, each trimmed, the empty ones left out. */
    public static java.util.List<String> commaSeparated(MultiValueMap<String, String> form, String name) {
        return commaSeparated(field(form, name));
    }

    /** A text's comma-separated values, each trimmed, the empty ones left out. */
    public static java.util.List<String> commaSeparated(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(value -> !value.isEmpty()).toList();
    }
}
