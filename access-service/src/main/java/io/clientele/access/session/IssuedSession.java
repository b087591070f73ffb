package io.clientele.access.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A session token as log-in answers it. */
public record IssuedSession(String token, Instant expiresAt, UUID customerId, List<String> groups) {
}
