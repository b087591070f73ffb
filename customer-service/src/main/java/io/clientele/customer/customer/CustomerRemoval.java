package io.clientele.customer.customer;

import io.clientele.customer.site.SiteRepository;
import io.clientele.events.CustomerErased;
import io.clientele.platform.hash.Sha256;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import io.clientele.schemas.Topics;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes customers with everything kept about them (consent, timeline, notes, groups, external ids go with the
 * row) and publishes each as CustomerDeleted. With erasure (asked for, or the site's automatic personal data
 * deletion) the customer's events still waiting in or kept by the outbox go too, CustomerDeleted carries no
 * e-mail, and CustomerErased asks every other service to erase what it holds; the erasure is recorded, with
 * customer-service's own confirmation, for its status call. The caller provides the transaction.
 */
@Component
public class CustomerRemoval {

    public static final String SERVICE = "customer-service";

    private final DatabaseClient db;
    private final Outbox outbox;
    private final SiteRepository sites;

    CustomerRemoval(DatabaseClient db, Outbox outbox, SiteRepository sites) {
        this.db = db;
        this.outbox = outbox;
        this.sites = sites;
    }

    /** Deletes those of the customers the site has; answers how many. */
    public Mono<Integer> removeAll(String siteId, Collection<UUID> ids, boolean erase) {
        return sites.find(siteId).map(site -> erase || site.eraseOnDelete()).defaultIfEmpty(erase).flatMap(erasing -> db.sql("""
                        DELETE FROM customers WHERE site_id = :siteId AND id = ANY(:ids)
                        RETURNING id, email, email_normalized, phone, sms_number, alternate_phone""")
                .bind("siteId", siteId).bind("ids", ids.toArray(UUID[]::new))
                .map(Removed::of)
                .all()
                .collectList()
                .flatMap(removed -> (erasing ? forgotten(removed) : Mono.<Void>empty())
                        .then(outbox.addAll(Topics.CUSTOMER_EVENTS, "customer", removed.stream()
                                .map(customer -> Map.entry(customer.id().toString(), (SpecificRecord) CustomerEvents.deleted(
                                        siteId, customer.id().toString(), erasing ? null : customer.email())))
                                .toList()))
                        .then(erasing ? erased(siteId, removed) : Mono.empty())
                        .thenReturn(removed.size())));
    }

    private Mono<Void> forgotten(List<Removed> removed) {
        // A sign-up's event names the e-mail, not yet the customer it became.
        return removed.isEmpty() ? Mono.empty() : outbox.forgetMentioning(removed.stream()
                .flatMap(customer -> Stream.of(customer.id().toString(), customer.email()))
                .filter(Objects::nonNull).toList()).then();
    }

    Mono<Integer> remove(String siteId, UUID id, boolean erase) {
        return removeAll(siteId, List.of(id), erase);
    }

    private Mono<Void> erased(String siteId, List<Removed> removed) {
        if (removed.isEmpty()) {
            return Mono.empty();
        }
        Instant now = Instant.now();
        UUID[] ids = removed.stream().map(Removed::id).toArray(UUID[]::new);
        List<Map.Entry<String, SpecificRecord>> events = new ArrayList<>();
        for (Removed customer : removed) {
            events.add(Map.entry(customer.id().toString(), CustomerErased.newBuilder()
                    .setEventId(Events.newEventId()).setOccurredAt(now).setSiteId(siteId)
                    .setCustomerId(customer.id().toString()).setIdentifierHashes(customer.identifierHashes()).build()));
        }
        return db.sql("""
                        INSERT INTO erasures (customer_id, site_id, requested_at)
                        SELECT c, :siteId, :now FROM unnest(CAST(:ids AS uuid[])) AS c ON CONFLICT DO NOTHING""")
                .bind("siteId", siteId).bind("now", now).bind("ids", ids).then()
                .then(db.sql("""
                                INSERT INTO erasure_confirmations (customer_id, service, erased, confirmed_at)
                                SELECT c, :service, 1, :now FROM unnest(CAST(:ids AS uuid[])) AS c ON CONFLICT DO NOTHING""")
                        .bind("service", SERVICE).bind("now", now).bind("ids", ids).then())
                .then(outbox.addAll(Topics.CUSTOMER_EVENTS, "customer", events));
    }

    private record Removed(UUID id, String email, List<String> identifiers) {

        static Removed of(Readable row) {
            List<String> identifiers = new ArrayList<>();
            identifiers.add(row.get("email_normalized", String.class));
            for (String phone : List.of("phone", "sms_number", "alternate_phone")) {
                String value = row.get(phone, String.class);
                identifiers.add(value == null ? null : value.replaceAll("[^0-9]", ""));
            }
            return new Removed(row.get("id", UUID.class), row.get("email", String.class),
                    identifiers.stream().filter(Objects::nonNull).filter(value -> !value.isEmpty()).distinct().toList());
        }

        List<String> identifierHashes() {
            return identifiers.stream().map(Sha256::hex).toList();
        }
    }
}
