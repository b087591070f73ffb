package io.clientele.customer.preference;

import io.clientele.customer.customer.CustomerEvents;
import io.clientele.customer.customer.CustomerRepository;
import io.clientele.customer.customer.CustomerStore;
import io.clientele.customer.timeline.Timeline;
import io.clientele.events.EmailOpened;
import io.clientele.platform.json.JsonDetails;
import io.clientele.platform.outbox.Outbox;
import io.clientele.schemas.Topics;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A customer who opens an HTML mail reads HTML: when their preference was still UNKNOWN it becomes HTML, and the
 * other services are told. Every open goes on the timeline.
 */
@Service
class ContentTypeLearning {

    private final CustomerRepository customers;
    private final CustomerStore store;
    private final Timeline timeline;
    private final Outbox outbox;

    ContentTypeLearning(CustomerRepository customers, CustomerStore store, Timeline timeline, Outbox outbox) {
        this.customers = customers;
        this.store = store;
        this.timeline = timeline;
        this.outbox = outbox;
    }

    Mono<Void> opened(EmailOpened opened) {
        UUID customerId = UUID.fromString(opened.getCustomerId());
        Mono<Void> learn = opened.getPreferenceWasUnknown()
                ? customers.learnReadsHtml(opened.getSiteId(), customerId)
                        .filter(Boolean::booleanValue)
                        .flatMap(learnt -> store.find(opened.getSiteId(), customerId))
                        .flatMap(customer -> outbox.add(Topics.CUSTOMER_EVENTS, "customer", opened.getCustomerId(),
                                CustomerEvents.preferencesChanged(opened.getSiteId(), customer.fields())))
                : Mono.empty();
        return store.find(opened.getSiteId(), customerId)
                .flatMap(customer -> timeline.record(opened.getSiteId(), customerId, "EMAIL_OPENED", null,
                        new JsonDetails().put("notificationId", opened.getNotificationId())
                                .put("template", opened.getTemplate()).toString(),
                        opened.getOccurredAt()).then(learn));
    }
}
