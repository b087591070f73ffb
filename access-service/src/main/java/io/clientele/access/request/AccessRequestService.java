package io.clientele.access.request;

import io.clientele.events.AccessRequested;
import io.clientele.events.CustomerCaptured;
import io.clientele.events.SignupChannel;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import io.clientele.schemas.Topics;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Turns access-request captures into PENDING requests and announces them (AccessRequested). */
@Service
class AccessRequestService {

    private final AccessRequestRepository requests;
    private final Outbox outbox;

    AccessRequestService(AccessRequestRepository requests, Outbox outbox) {
        this.requests = requests;
        this.outbox = outbox;
    }

    Mono<Void> onCapture(CustomerCaptured capture) {
        if (capture.getChannel() != SignupChannel.ACCESS_REQUEST || capture.getPageId() == null) {
            return Mono.empty();
        }
        return requests.openPending(capture)
                .flatMap(requestId -> outbox.add(Topics.ACCESS_EVENTS, "customer", capture.getCustomerId(),
                        requested(capture, requestId)));
    }

    private static AccessRequested requested(CustomerCaptured capture, UUID requestId) {
        return AccessRequested.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(capture.getSiteId())
                .setRequestId(requestId.toString())
                .setCustomerId(capture.getCustomerId())
                .setPageId(capture.getPageId())
                .setEmail(capture.getEmail())
                .setFirstName(capture.getFirstName())
                .setLastName(capture.getLastName())
                .setLocale(capture.getLocale())
                .build();
    }
}
