package io.clientele.customer.customer;

import java.util.UUID;

/** The customer a capture matched, and whether the capture created it. */
public record CapturedCustomer(UUID id, boolean created) {
}
