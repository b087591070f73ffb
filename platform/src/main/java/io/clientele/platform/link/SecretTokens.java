package io.clientele.platform.link;

import java.security.SecureRandom;
import java.util.Base64;

/** A new link token: 256 random bits, base64url. Only its SHA-256 is stored by the service that checks it. */
public final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
