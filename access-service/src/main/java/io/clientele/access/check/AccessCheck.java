package io.clientele.access.check;

import io.clientele.access.page.ProtectedPages;
import io.clientele.access.request.AccessRequestRepository;
import io.clientele.access.session.Session;
import io.clientele.access.session.SessionRevocations;
import io.clientele.access.session.SessionTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Decides whether a page may be shown (the reason says whether it allows) to the holder of a session token. A valid token is decided from memory alone
 * (the token's signature and groups, the replicated pages and revocations); only a member of none of the allowed
 * groups costs a look at their pending requests.
 */
@Service
class AccessCheck {

    private final ProtectedPages pages;
    private final SessionTokens tokens;
    private final SessionRevocations revocations;
    private final AccessRequestRepository requests;
    /** {@code clientele.access.checks} by reason, registered once: the check is the platform's hottest path. */
    private final Map<AccessReason, Counter> checks = new EnumMap<>(AccessReason.class);

    AccessCheck(ProtectedPages pages, SessionTokens tokens, SessionRevocations revocations, AccessRequestRepository requests,
                MeterRegistry meters) {
        for (AccessReason reason : AccessReason.values()) {
            checks.put(reason, meters.counter("clientele.access.checks", "reason", reason.name()));
        }
        this.pages = pages;
        this.tokens = tokens;
        this.revocations = revocations;
        this.requests = requests;
    }

    Mono<AccessReason> check(String siteId, String pageId, String sessionToken) {
        return decide(siteId, pageId, sessionToken).doOnNext(reason -> checks.get(reason).increment());
    }

    private Mono<AccessReason> decide(String siteId, String pageId, String sessionToken) {
        List<String> allowed = pages.allowedGroups(siteId, pageId);
        if (allowed == null) {
            return Mono.just(AccessReason.NOT_PROTECTED);
        }
        Optional<Session> session = sessionToken == null ? Optional.empty() : tokens.verify(sessionToken, siteId);
        if (session.isEmpty()) {
            return Mono.just(AccessReason.NOT_LOGGED_IN);
        }
        SessionRevocations.Revocation ended = revocations.ending(session.get());
        if (ended != null) {
            return Mono.just(ended.accountInactive() ? AccessReason.INACTIVE : AccessReason.NOT_LOGGED_IN);
        }
        if (session.get().groups().stream().anyMatch(allowed::contains)) {
            return Mono.just(AccessReason.MEMBER);
        }
        return requests.hasPending(siteId, session.get().customerId(), pageId)
                .map(pending -> pending ? AccessReason.PENDING_REQUEST : AccessReason.NOT_IN_ALLOWED_GROUP);
    }
}
