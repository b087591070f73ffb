package io.clientele.access.customer;

import java.util.List;
import java.util.UUID;

/** A customer of a site as access-service knows it from customer-service's events. */
public record KnownCustomer(UUID customerId, String siteId, String email, String firstName, String lastName, String locale,
                            boolean accountActive, List<String> groups) {
}
