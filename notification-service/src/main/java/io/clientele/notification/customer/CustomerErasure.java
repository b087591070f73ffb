package io.clientele.notification.customer;

import io.clientele.events.CustomerErased;
import io.clientele.platform.erasure.ErasureConfirmation;
import io.clientele.platform.outbox.Outbox;
import io.clientele.schemas.Topics;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Erases what notification-service holds about a customer: the contact, the mails sent to them (their delivery log
 * entries), the site owner's mails about them (kept in the log, with their subject and parameters blanked) and the
 * events about them in the outbox; then confirms it (CustomerErasureConfirmed).
 */
@Component
class CustomerErasure {

    static final String SERVICE = "notification-service";

    private final DatabaseClient db;
    private final Outbox outbox;

    CustomerErasure(DatabaseClient db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    Mono<Void> erase(CustomerErased erased) {
        String[] hashes = erased.getIdentifierHashes().toArray(String[]::new);
        Mono<Long> contact = db.sql("DELETE FROM customers WHERE site_id = :siteId AND customer_id = :id")
                .bind("siteId", erased.getSiteId()).bind("id", erased.getCustomerId()).fetch().rowsUpdated();
        Mono<Long> theirMails = db.sql("""
                        DELETE FROM outgoing_mail WHERE site_id = :siteId AND audience = 'CUSTOMER'
                          AND (customer_id = :id OR encode(sha256(convert_to(lower(recipient), 'UTF8')), 'hex') = ANY(:hashes))""")
                .bind("siteId", erased.getSiteId()).bind("id", erased.getCustomerId()).bind("hashes", hashes)
                .fetch().rowsUpdated();
        Mono<Long> mailsAboutThem = db.sql("""
                        UPDATE outgoing_mail SET params = '{}', subject = NULL, last_error = NULL
                        WHERE site_id = :siteId AND audience = 'SITE_OWNER'
                          AND (customer_id = :id OR position(:id IN CAST(params AS text)) > 0
                               OR EXISTS (SELECT 1 FROM jsonb_each_text(params) AS p
                                          WHERE encode(sha256(convert_to(lower(trim(p.value)), 'UTF8')), 'hex') = ANY(:hashes)))""")
                .bind("siteId", erased.getSiteId()).bind("id", erased.getCustomerId()).bind("hashes", hashes)
                .fetch().rowsUpdated();
        return contact.zipWith(theirMails, Long::sum).zipWith(mailsAboutThem, Long::sum)
                .flatMap(count -> ErasureConfirmation.confirm(outbox, erased, SERVICE, Topics.NOTIFICATION_EVENTS, count));
    }
}
