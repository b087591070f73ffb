package io.clientele.platform.erasure;

import io.clientele.events.CustomerErasureConfirmed;
import io.clientele.events.CustomerErased;
import io.clientele.platform.outbox.Events;
import java.time.Instant;

/** A service's answer to CustomerErased, once it has erased what it held about the customer. */
public final class ErasureConfirmation {

    private ErasureConfirmation() {
    }

    /** @param erased how many records the service deleted or redacted */
    public static CustomerErasureConfirmed of(CustomerErased erasure, String service, long erased) {
        return CustomerErasureConfirmed.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(erasure.getSiteId())
                .setCustomerId(erasure.getCustomerId())
                .setService(service)
                .setErased((int) Math.min(Integer.MAX_VALUE, erased))
                .build();
    }
}
