package io.clientele.access.customer;

import io.clientele.access.session.LoginThrottle;
import io.clientele.events.CustomerErased;
import io.clientele.platform.erasure.ErasureConfirmation;
import io.clientele.platform.outbox.Outbox;
import io.clientele.schemas.Topics;
import java.util.UUID;
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

    private final LoginThrottle throttle;
    private final CustomerDirectory directory;
    private final Outbox outbox;

    CustomerErasure(LoginThrottle throttle, CustomerDirectory directory, Outbox outbox) {
        this.throttle = throttle;
        this.directory = directory;
        this.outbox = outbox;
    }

    Mono<Void> erase(CustomerErased erased) {
        UUID customerId = UUID.fromString(erased.getCustomerId());
        String siteId = erased.getSiteId();
        Mono<Long> byId = directory.forget(siteId, customerId);
        Mono<Long> throttling = throttle.forget(siteId, erased.getIdentifierHashes());
        return byId.zipWith(throttling, Long::sum)
                .flatMap(count -> ErasureConfirmation.confirm(outbox, erased, SERVICE, Topics.ACCESS_EVENTS, count));
    }
}
