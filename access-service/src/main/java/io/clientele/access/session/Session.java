package io.clientele.access.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a valid session token says: who, on which site, in which groups, since when and until when. */
public record Session(String siteId, UUID customerId, List<String> groups, Instant issuedAt, Instant expiresAt) {
}
