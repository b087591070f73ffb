package io.clientele.customer.customer;

import io.clientele.platform.outbox.Outbox;
import io.clientele.schemas.Topics;
import org.apache.avro.specific.SpecificRecord;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    public Mono<Void> published(String siteId, UUID customerId, List<String> changedFields) {
        return published(siteId, List.of(customerId), changedFields);
    }

    /** The same for many customers at once: one update, one read and one outbox insert for all of them. */
    public Mono<Void> published(String siteId, Collection<UUID> customerIds, List<String> changedFields) {
        return customers.touch(customerIds)
                .thenMany(customers.findAll(siteId, customerIds))
                .map(customer -> Map.entry(customer.fields().get("id").toString(),
                        (SpecificRecord) CustomerEvents.updated(siteId, customer.fields(), changedFields, null, false)))
                .collectList()
                .flatMap(events -> outbox.addAll(Topics.CUSTOMER_EVENTS, "customer", events));
    }
}
