package io.clientele.customer.customer;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * A part another feature adds to a customer as the API shows one (its notes): the core names the field and asks for
 * its value, knowing nothing else of the feature.
 */
public interface CustomerDetail {

    /** The field of the customer's answer this fills. */
    String field();

    /** Its value for this customer. */
    Mono<?> of(String siteId, UUID customerId);
}
