package io.clientele.customer.erasure;

import io.clientele.events.CustomerErasureConfirmed;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Erasures asked for and the services' confirmations of them. */
@Repository
public class Erasures {

    private final DatabaseClient db;

    Erasures(DatabaseClient db) {
        this.db = db;
    }

    /** Records a service's confirmation of an erasure this service asked for (one it did not ask for changes nothing). */
    public Mono<Void> confirmed(CustomerErasureConfirmed confirmed) {
        return db.sql("""
                        INSERT INTO erasure_confirmations (customer_id, service, erased, confirmed_at)
                        SELECT customer_id, :service, :erased, :at FROM erasures WHERE customer_id = :customerId AND site_id = :siteId
                        ON CONFLICT DO NOTHING""")
                .bind("customerId", UUID.fromString(confirmed.getCustomerId())).bind("siteId", confirmed.getSiteId())
                .bind("service", confirmed.getService()).bind("erased", confirmed.getErased())
                .bind("at", confirmed.getOccurredAt())
                .then();
    }

    Mono<ErasureStatus> status(String siteId, UUID customerId, List<String> services) {
        return db.sql("SELECT requested_at FROM erasures WHERE site_id = :siteId AND customer_id = :customerId")
                .bind("siteId", siteId).bind("customerId", customerId)
                .map(row -> row.get("requested_at", Instant.class)).one()
                .flatMap(requestedAt -> db.sql("""
                                SELECT service, erased, confirmed_at FROM erasure_confirmations
                                WHERE customer_id = :customerId ORDER BY confirmed_at""")
                        .bind("customerId", customerId)
                        .map(row -> new ErasureStatus.Confirmation(row.get("service", String.class),
                                row.get("erased", Integer.class), row.get("confirmed_at", Instant.class)))
                        .all().collectList()
                        .map(confirmations -> ErasureStatus.of(customerId, requestedAt, confirmations, services)));
    }
}
