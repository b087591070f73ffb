package io.clientele.access.request;

import io.clientele.access.credential.Credentials;
import io.clientele.access.invitation.InvitationService;
import io.clientele.access.page.ProtectedPages;
import io.clientele.events.AccessApproved;
import io.clientele.events.AccessRejected;
import io.clientele.events.AccessRequested;
import io.clientele.events.CustomerCaptured;
import io.clientele.events.SignupChannel;
import io.clientele.platform.group.GroupNames;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import io.clientele.platform.web.ProblemException;
import io.clientele.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Access requests from capture to decision: access-request captures become PENDING requests (AccessRequested); the
 * owner approves one into groups, which customer-service applies (AccessApproved), or rejects it (AccessRejected).
 * A request is decided once. The caller provides the transaction.
 */
@Service
public class AccessRequestService {

    static final int MAX_REASON = 500;

    private final AccessRequestRepository requests;
    private final ProtectedPages pages;
    private final Credentials credentials;
    private final InvitationService invitations;
    private final Outbox outbox;
    private final Clock clock;

    AccessRequestService(AccessRequestRepository requests, ProtectedPages pages, Credentials credentials,
                         InvitationService invitations, Outbox outbox, Clock clock) {
        this.requests = requests;
        this.pages = pages;
        this.credentials = credentials;
        this.invitations = invitations;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Mono<Void> onCapture(CustomerCaptured capture) {
        if (capture.getChannel() != SignupChannel.ACCESS_REQUEST || capture.getPageId() == null) {
            return Mono.empty();
        }
        return requests.openPending(capture)
                .flatMap(requestId -> outbox.add(Topics.ACCESS_EVENTS, "customer", capture.getCustomerId(),
                        requested(capture, requestId)));
    }

    Mono<AccessRequest> approve(String siteId, UUID requestId, AccessDecision decision, String actor) {
        return requests.find(siteId, requestId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("access-request", requestId.toString())))
                .flatMap(request -> {
                    List<String> groups = List.copyOf(GroupNames.checked("groups", decision.groups()));
                    if (groups.isEmpty()) {
                        groups = pages.allowedGroups(siteId, request.pageId());
                    }
                    if (groups == null || groups.isEmpty()) {
                        return Mono.error(ProblemException.invalidField("groups",
                                "choose at least one group: the page has no allowed groups to default to"));
                    }
                    return decide(siteId, requestId, AccessRequestStatus.APPROVED, groups, null, actor);
                })
                .flatMap(approved -> outbox.add(Topics.ACCESS_EVENTS, "customer", approved.customerId().toString(), approvedEvent(approved))
                        .then(invites(approved, decision.invite()))
                        .flatMap(invite -> invite ? invitations.invite(siteId, approved.customerId()).then() : Mono.empty())
                        .thenReturn(approved));
    }

    Mono<AccessRequest> reject(String siteId, UUID requestId, AccessDecision decision, String actor) {
        String reason = decision.reason() == null || decision.reason().isBlank() ? null : decision.reason().strip();
        if (reason != null && reason.length() > MAX_REASON) {
            return Mono.error(ProblemException.invalidField("reason", "has at most " + MAX_REASON + " characters"));
        }
        return requests.find(siteId, requestId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("access-request", requestId.toString())))
                .flatMap(request -> decide(siteId, requestId, AccessRequestStatus.REJECTED, null, reason, actor))
                .flatMap(rejected -> outbox.add(Topics.ACCESS_EVENTS, "customer", rejected.customerId().toString(),
                        rejectedEvent(rejected)).thenReturn(rejected));
    }

    private Mono<AccessRequest> decide(String siteId, UUID requestId, AccessRequestStatus status, List<String> groups,
                                       String reason, String actor) {
        return requests.decide(siteId, requestId, status, groups, reason, actor, clock.instant())
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.CONFLICT, "access-request-decided",
                        "Access request already decided", "Access request " + requestId + " was decided already.")));
    }

    private Mono<Boolean> invites(AccessRequest approved, Boolean invite) {
        return invite != null ? Mono.just(invite) : credentials.passwordHash(approved.customerId()).hasElement().map(has -> !has);
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

    private static AccessApproved approvedEvent(AccessRequest request) {
        return AccessApproved.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(request.decidedAt())
                .setSiteId(request.siteId())
                .setRequestId(request.id().toString())
                .setCustomerId(request.customerId().toString())
                .setEmail(request.email())
                .setFirstName(request.firstName())
                .setLastName(request.lastName())
                .setLocale(request.locale())
                .setPageId(request.pageId())
                .setGroups(request.groups())
                .build();
    }

    private static AccessRejected rejectedEvent(AccessRequest request) {
        return AccessRejected.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(request.decidedAt())
                .setSiteId(request.siteId())
                .setRequestId(request.id().toString())
                .setCustomerId(request.customerId().toString())
                .setEmail(request.email())
                .setFirstName(request.firstName())
                .setLastName(request.lastName())
                .setLocale(request.locale())
                .setPageId(request.pageId())
                .setReason(request.rejectionReason())
                .build();
    }
}
