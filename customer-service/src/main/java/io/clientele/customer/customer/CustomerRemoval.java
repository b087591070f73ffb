package io.clientele.customer.customer;

import io.clientele.platform.outbox.Outbox;
import io.clientele.schemas.Topics;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes customers with everything kept about them (consent, timeline, notes, groups, external ids go with the
 * row) and publishes each as CustomerDeleted. The caller provides the transaction.
 */
@Component
public class CustomerRemoval {

    private final DatabaseClient db;
    private final Outbox outbox;

    CustomerRemoval(DatabaseClient db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    /** Deletes those of the customers the site has; answers how many. */
    public Mono<Integer> removeAll(String siteId, Collection<UUID> ids) {
        return db.sql("DELETE FROM customers WHERE site_id = :siteId AND id = ANY(:ids) RETURNING id, email")
                .bind("siteId", siteId).bind("ids", ids.toArray(UUID[]::new))
                .map(row -> {
                    String id = row.get("id", UUID.class).toString();
                    String email = row.get("email", String.class);
                    return Map.entry(id, (SpecificRecord) CustomerEvents.deleted(siteId, id, email));
                })
                .all()
                .collectList()
                .flatMap(deleted -> outbox.addAll(Topics.CUSTOMER_EVENTS, "customer", deleted).thenReturn(deleted.size()));
    }

    Mono<Integer> remove(String siteId, UUID id) {
        return removeAll(siteId, List.of(id));
    }
}
