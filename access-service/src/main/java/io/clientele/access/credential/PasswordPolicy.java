package io.clientele.access.credential;

import io.clientele.platform.web.ProblemException;
import java.util.Locale;
import java.util.Set;

/**
 * The minimum a password must meet, after NIST SP 800-63B: a length of 10 to 128 characters, not a well-known
 * password, not the e-mail address or its name part, not one character repeated. No composition rules.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private static final Set<String> WELL_KNOWN = Set.of("1234567890", "12345678910", "0123456789", "1111111111",
            "qwertyuiop", "password12", "password123", "password1234", "passw0rd123", "iloveyou123", "abcdefghij",
            "abc1234567", "qwerty1234", "qwerty12345", "1q2w3e4r5t", "1qaz2wsx3edc", "azertyuiop", "letmein123",
            "welcome123", "changeme123", "administrator", "football123", "monkey1234", "dragon1234", "sunshine123",
            "princess123", "trustno1234", "0987654321", "9876543210", "motdepasse", "motdepasse1");

    private PasswordPolicy() {
    }

    /** @throws ProblemException naming the password field and what it misses */
    static void check(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw refused("must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw refused("must have at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (WELL_KNOWN.contains(lower)) {
            throw refused("is one of the best-known passwords; choose another");
        }
        if (email != null) {
            String address = email.trim().toLowerCase(Locale.ROOT);
            String name = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
            if (lower.equals(address) || lower.equals(name)) {
                throw refused("must not be the e-mail address");
            }
        }
        if (password.codePoints().distinct().count() == 1) {
            throw refused("must not be one character repeated");
        }
    }

    private static ProblemException refused(String why) {
        return ProblemException.invalidField("password", why);
    }
}
