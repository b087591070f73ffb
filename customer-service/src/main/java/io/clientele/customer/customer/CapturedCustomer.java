package io.clientele.customer.customer;

import java.util.UUID;

/**
 * The customer a capture matched, whether the capture created it, and their e-mail marketing consent as it stands:
 * whether they opted in, and whether they ever made a decision at all.
 */
public record CapturedCustomer(UUID id, boolean created, boolean optedIn, boolean consentDecided) {
}
