package io.clientele.platform.link;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token of a mail's unsubscribe and preferences links: the customer's id with an HMAC-SHA256 of site and
 * customer, so that notification-service can put one in every marketing mail and customer-service can check it
 * without either storing anything. It does not expire: an unsubscribe link must work as long as the mail is read
 * (RFC 8058), and it can do no more than change that customer's marketing consent.
 */
public final class UnsubscribeTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public UnsubscribeTokens(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("Set clientele.links.unsubscribe-secret to at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String issue(String siteId, UUID customerId) {
        return customerId + "." + signature(siteId, customerId);
    }

    /** The customer the token was issued for on this site; empty when it was not issued here or was altered. */
    public Optional<UUID> verify(String siteId, String token) {
        if (token == null || token.length() > 100 || token.indexOf('.') != 36) {
            return Optional.empty();
        }
        try {
            UUID customerId = UUID.fromString(token.substring(0, 36));
            boolean genuine = MessageDigest.isEqual(signature(siteId, customerId).getBytes(StandardCharsets.US_ASCII),
                    token.substring(37).getBytes(StandardCharsets.US_ASCII));
            return genuine ? Optional.of(customerId) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String signature(String siteId, UUID customerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return ENCODER.encodeToString(mac.doFinal(("unsubscribe/" + siteId + "/" + customerId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
