package io.clientele.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/** One mail in the delivery log. */
public record Delivery(UUID id, String template, String recipient, String subject, String status, int attempts,
                       String lastError, Instant createdAt, Instant sentAt) {
}
