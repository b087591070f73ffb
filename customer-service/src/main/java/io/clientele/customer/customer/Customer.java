package io.clientele.customer.customer;

import java.time.Instant;
import java.util.UUID;

/** A customer of a site, as the API shows it. */
public record Customer(UUID id, String siteId, String email, String firstName, String lastName, String status,
                       String sourceChannel, String locale, boolean marketingOptIn, String preferredContentType,
                       boolean accountActive,
                       Instant createdAt, Instant updatedAt) {
}
