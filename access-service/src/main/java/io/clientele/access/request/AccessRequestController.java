package io.clientele.access.request;

import io.clientele.platform.security.SiteGrant;
import io.clientele.platform.web.PageLimits;
import io.clientele.platform.web.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/sites/{siteId}/access-requests")
class AccessRequestController {

    private static final AccessDecision NO_DETAILS = new AccessDecision(null, null, null);

    private final AccessRequestRepository requests;
    private final AccessRequestService decisions;
    private final TransactionalOperator tx;

    AccessRequestController(AccessRequestRepository requests, AccessRequestService decisions, TransactionalOperator tx) {
        this.requests = requests;
        this.decisions = decisions;
        this.tx = tx;
    }

    /** The site's requests, newest first, of one status and one customer where asked, a page at a time. */
    @GetMapping
    Mono<AccessRequestPage> list(@PathVariable String siteId, @RequestParam(required = false) String status,
                                 @RequestParam(required = false) UUID customerId,
                                 @RequestParam(required = false) UUID before,
                                 @RequestParam(defaultValue = "50") int limit) {
        AccessRequestStatus wanted;
        try {
            wanted = status == null ? null : AccessRequestStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return Mono.error(ProblemException.invalidField("status",
                    "must be one of " + Arrays.toString(AccessRequestStatus.values())));
        }
        int checked = PageLimits.checked(limit);
        // One more than the page shows: whether it is there says whether a next page is.
        return requests.list(siteId, wanted, customerId, before, checked + 1).collectList().map(found -> {
            List<AccessRequest> items = found.size() > checked ? found.subList(0, checked) : found;
            String next = found.size() > checked ? items.getLast().id().toString() : null;
            return new AccessRequestPage(items, checked, next);
        });
    }

    @GetMapping("/{requestId}")
    Mono<AccessRequest> one(@PathVariable String siteId, @PathVariable UUID requestId) {
        return requests.find(siteId, requestId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("access-request", requestId.toString())));
    }

    @PostMapping("/{requestId}/approve")
    Mono<AccessRequest> approve(@PathVariable String siteId, @PathVariable UUID requestId,
                                @RequestBody(required = false) AccessDecision decision, @AuthenticationPrincipal Jwt token) {
        return tx.transactional(Mono.defer(() -> decisions.approve(siteId, requestId, decision == null ? NO_DETAILS : decision,
                SiteGrant.actor(token))));
    }

    @PostMapping("/{requestId}/reject")
    Mono<AccessRequest> reject(@PathVariable String siteId, @PathVariable UUID requestId,
                               @RequestBody(required = false) AccessDecision decision, @AuthenticationPrincipal Jwt token) {
        return tx.transactional(Mono.defer(() -> decisions.reject(siteId, requestId, decision == null ? NO_DETAILS : decision,
                SiteGrant.actor(token))));
    }
}
