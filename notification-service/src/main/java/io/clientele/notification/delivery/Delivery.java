package io.clientele.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/** One message in the delivery log. */
public record Delivery(UUID id, String template, String channel, String recipient, String subject, String status,
                       String contentType, String locale, int attempts, String lastError, Instant createdAt,
                       Instant sentAt, Instant openedAt) {
}
