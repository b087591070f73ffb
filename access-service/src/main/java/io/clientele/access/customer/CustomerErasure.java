package io.clientele.access.customer;

import io.clientele.events.CustomerErased;
import io.clientele.platform.erasure.ErasureConfirmation;
import io.clientele.platform.outbox.Outbox;
import io.clientele.schemas.Topics;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Erases what access-service holds about a customer: the directory entry, credentials, open links, access
 * requests, log-in throttling kept under the e-mail, and the events about them in the outbox; then confirms it
 * (CustomerErasureConfirmed). Session revocations stay: they hold only the id, and keep old sessions ended.
 */
@Component
class CustomerErasure {

    static final String SERVICE = "access-service";

    private final DatabaseClient db;
    private final CustomerDirectory directory;
    private final Outbox outbox;

    CustomerErasure(DatabaseClient db, CustomerDirectory directory, Outbox outbox) {
        this.db = db;
        this.directory = directory;
        this.outbox = outbox;
    }

    Mono<Void> erase(CustomerErased erased) {
        UUID customerId = UUID.fromString(erased.getCustomerId());
        String siteId = erased.getSiteId();
        Mono<Long> byId = directory.forget(siteId, customerId);
        Mono<Long> throttling = db.sql("""
                        DELETE FROM login_failures WHERE scope LIKE :prefix || '%'
                          AND encode(sha256(convert_to(substring(scope FROM length(:prefix) + 1), 'UTF8')), 'hex') = ANY(:hashes)""")
                .bind("prefix", "account:" + siteId + ":")
                .bind("hashes", erased.getIdentifierHashes().toArray(String[]::new))
                .fetch().rowsUpdated();
        return byId.zipWith(throttling, Long::sum)
                .flatMap(count -> ErasureConfirmation.confirm(outbox, erased, SERVICE, Topics.ACCESS_EVENTS, count));
    }
}
