package io.clientele.customer.customer;

import java.util.Locale;

/** Customers are matched by site and normalised e-mail: trimmed and lower-cased. */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    public static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
