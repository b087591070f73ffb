package io.clientele.access.request;

import java.time.Instant;
import java.util.UUID;

/** A visitor's request for access to a protected page, as the owner sees it. */
public record AccessRequest(UUID id, String siteId, UUID customerId, String pageId, String email, String firstName,
                            String lastName, AccessRequestStatus status, Instant requestedAt, Instant decidedAt) {
}
