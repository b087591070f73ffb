package io.clientele.customer.preference;

import io.clientele.customer.customer.Customer;
import io.clientele.customer.customer.CustomerRepository;
import io.clientele.customer.timeline.Timeline;
import io.clientele.events.ContentType;
import io.clientele.events.CustomerPreferencesChanged;
import io.clientele.events.EmailOpened;
import io.clientele.platform.json.JsonDetails;
import io.clientele.platform.outbox.Events;
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
    private final Timeline timeline;
    private final Outbox outbox;

    ContentTypeLearning(CustomerRepository customers, Timeline timeline, Outbox outbox) {
        this.customers = customers;
        this.timeline = timeline;
        this.outbox = outbox;
    }

    Mono<Void> opened(EmailOpened opened) {
        UUID customerId = UUID.fromString(opened.getCustomerId());
        Mono<Void> learn = opened.getPreferenceWasUnknown()
                ? customers.learnReadsHtml(opened.getSiteId(), customerId)
                        .flatMap(customer -> outbox.add(Topics.CUSTOMER_EVENTS, "customer", opened.getCustomerId(), changed(customer)))
                : Mono.empty();
        return customers.find(opened.getSiteId(), customerId)
                .flatMap(customer -> timeline.record(opened.getSiteId(), customerId, "EMAIL_OPENED", null,
                        new JsonDetails().put("notificationId", opened.getNotificationId())
                                .put("template", opened.getTemplate()).toString(),
                        opened.getOccurredAt()).then(learn));
    }

    private static CustomerPreferencesChanged changed(Customer customer) {
        return CustomerPreferencesChanged.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(customer.siteId())
                .setCustomerId(customer.id().toString())
                .setEmail(customer.email())
                .setLocale(customer.locale())
                .setPreferredContentType(ContentType.valueOf(customer.preferredContentType()))
                .setMarketingOptIn(customer.marketingOptIn())
                .build();
    }
}
