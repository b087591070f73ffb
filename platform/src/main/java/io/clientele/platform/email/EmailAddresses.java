package io.clientele.platform.email;

import java.util.Locale;

/** Every service matches a customer by site and normalised e-mail: trimmed and lower-cased. */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    public static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
