package io.clientele.customer.customer;

import io.clientele.platform.outbox.Outbox;
import io.clientele.schemas.Topics;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * For changes kept beside the record (notes, groups, account state): the customer gets a new version, and the
 * other services the customer as it now is (CustomerUpdated). The caller provides the transaction.
 */
@Component
public class CustomerChanges {

    private final CustomerStore customers;
    private final Outbox outbox;

    CustomerChanges(CustomerStore customers, Outbox outbox) {
        this.customers = customers;
        this.outbox = outbox;
    }

    public Mono<StoredCustomer> published(String siteId, UUID customerId, List<String> changedFields) {
        return customers.touch(customerId)
                .then(customers.find(siteId, customerId))
                .flatMap(customer -> outbox.add(Topics.CUSTOMER_EVENTS, "customer", customerId.toString(),
                                CustomerEvents.updated(siteId, customer.fields(), changedFields, null, false))
                        .thenReturn(customer));
    }
}
