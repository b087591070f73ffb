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
}
