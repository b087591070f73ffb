package io.clientele.customer.access;

import io.clientele.platform.group.GroupNames;
import io.clientele.customer.membership.MembershipService;
import io.clientele.customer.timeline.Timeline;
import io.clientele.events.AccessApproved;
import io.clientele.events.AccessRejected;
import io.clientele.events.AccessRequested;
import io.clientele.events.CustomerEmailVerified;
import io.clientele.events.CustomerLoggedIn;
import io.clientele.platform.json.JsonDetails;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What access-service reports about a customer: requests, decisions, e-mail verification and log-ins go on the
 * timeline, and an approval puts the customer in the groups the owner chose. Runs inside the consumer's transaction.
 */
@Service
class AccessActivity {

    private final Timeline timeline;
    private final MembershipService memberships;

    AccessActivity(Timeline timeline, MembershipService memberships) {
        this.timeline = timeline;
        this.memberships = memberships;
    }

    Mono<Void> requested(AccessRequested requested) {
        return record(requested.getSiteId(), requested.getCustomerId(), "ACCESS_REQUESTED", requested.getOccurredAt(),
                new JsonDetails().put("requestId", requested.getRequestId()).put("pageId", requested.getPageId()));
    }

    Mono<Void> approved(AccessApproved approved) {
        UUID customerId = UUID.fromString(approved.getCustomerId());
        return memberships.addGroups(approved.getSiteId(), customerId, GroupNames.checked("groups", approved.getGroups()))
                .then(record(approved.getSiteId(), approved.getCustomerId(), "ACCESS_APPROVED", approved.getOccurredAt(),
                        new JsonDetails().put("requestId", approved.getRequestId()).put("pageId", approved.getPageId())
                                .put("groups", approved.getGroups())));
    }

    Mono<Void> rejected(AccessRejected rejected) {
        return record(rejected.getSiteId(), rejected.getCustomerId(), "ACCESS_REJECTED", rejected.getOccurredAt(),
                new JsonDetails().put("requestId", rejected.getRequestId()).put("pageId", rejected.getPageId())
                        .put("reason", rejected.getReason()));
    }

    Mono<Void> loggedIn(CustomerLoggedIn loggedIn) {
        return record(loggedIn.getSiteId(), loggedIn.getCustomerId(), "LOGGED_IN", loggedIn.getOccurredAt(),
                new JsonDetails().put("platform", loggedIn.getPlatform().name()).put("country", loggedIn.getCountry()));
    }

    Mono<Void> emailVerified(CustomerEmailVerified verified) {
        return record(verified.getSiteId(), verified.getCustomerId(), "EMAIL_VERIFIED", verified.getOccurredAt(),
                new JsonDetails().put("email", verified.getEmail()));
    }

    private Mono<Void> record(String siteId, String customerId, String type, Instant at, JsonDetails details) {
        return timeline.record(siteId, UUID.fromString(customerId), type, null, details.toString(), at);
    }
}
