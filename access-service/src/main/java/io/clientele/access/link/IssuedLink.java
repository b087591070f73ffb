package io.clientele.access.link;

import java.time.Instant;

/** A new link's token, which is never stored, and when the link expires. */
public record IssuedLink(String token, Instant expiresAt) {
}
