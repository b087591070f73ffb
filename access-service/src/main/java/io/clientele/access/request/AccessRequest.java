package io.clientele.access.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A visitor's request for access to a protected page, as the owner sees it: once decided, the groups it was
 * approved into or why it was rejected, and who decided it.
 */
public record AccessRequest(UUID id, String siteId, UUID customerId, String pageId, String email, String firstName,
                            String lastName, AccessRequestStatus status, String locale, Instant requestedAt,
                            Instant decidedAt, String decidedBy, List<String> groups, String rejectionReason) {
}
