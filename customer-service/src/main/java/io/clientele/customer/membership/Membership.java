package io.clientele.customer.membership;

import java.util.List;
import java.util.UUID;

/** A customer's account state and groups, as the API and other services see them. */
public record Membership(UUID customerId, String siteId, String email, String firstName, String lastName, String locale,
                         boolean accountActive, List<String> groups) {
}
