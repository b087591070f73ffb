package io.clientele.notification.mail;

import io.clientele.platform.json.JsonDetails;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Queues the mail an event calls for, once per event and kind. Call it in the consumer's transaction. */
@Component
public class MailRequests {

    private final MailQueue queue;

    MailRequests(MailQueue queue) {
        this.queue = queue;
    }

    public Mono<Void> forOwner(MailKind kind, String siteId, String eventId, JsonDetails values) {
        return queue.enqueue(siteId, eventId, kind, null, values);
    }

    /** @param values what the template needs beyond who the customer is; may be null */
    public Mono<Void> forCustomer(MailKind kind, String siteId, String eventId, String customerId, String email,
                                  String firstName, String lastName, String locale, JsonDetails values) {
        JsonDetails all = (values == null ? new JsonDetails() : values)
                .put("email", email).put("firstName", firstName).put("lastName", lastName).put("locale", locale);
        return queue.enqueue(siteId, eventId, kind, customerId, all);
    }
}
