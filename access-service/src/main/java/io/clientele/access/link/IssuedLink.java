package io.clientele.access.link;

import java.time.Instant;

/**
 * A new link: its token sealed for notification-service (the token itself is never stored nor published, only its
 * hash), and when the link expires.
 */
public record IssuedLink(String sealedToken, Instant expiresAt) {
}
