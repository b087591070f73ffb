package io.clientele.notification.mail;

import java.security.SecureRandom;
import java.util.Base64;

/** Keys of tracking pixels: 256 random bits, so that nobody can report an open of someone else's mail. */
final class OpenTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OpenTokens() {
    }

    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
