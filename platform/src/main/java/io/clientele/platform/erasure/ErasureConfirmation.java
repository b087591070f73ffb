package io.clientele.platform.erasure;

import io.clientele.events.CustomerErasureConfirmed;
import io.clientele.events.CustomerErased;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/** How a service ends its part of an erasure, in the transaction that erased the customer's data. */
public final class ErasureConfirmation {

    private ErasureConfirmation() {
    }

    /**
     * Deletes the service's outbox events that name the customer, then records CustomerErasureConfirmed on the
     * service's own topic.
     *
     * @param erased how many records the service deleted or redacted before
     */
    public static Mono<Void> confirm(Outbox outbox, CustomerErased erasure, String service, String topic, long erased) {
        return outbox.forgetMentioning(List.of(erasure.getCustomerId()))
                .flatMap(forgotten -> outbox.add(topic, "customer", erasure.getCustomerId(), CustomerErasureConfirmed.newBuilder()
                        .setEventId(Events.newEventId())
                        .setOccurredAt(Instant.now())
                        .setSiteId(erasure.getSiteId())
                        .setCustomerId(erasure.getCustomerId())
                        .setService(service)
                        .setErased((int) Math.min(Integer.MAX_VALUE, erased + forgotten))
                        .build()));
    }
}
