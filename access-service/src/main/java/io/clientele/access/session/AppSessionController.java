package io.clientele.access.session;

import io.clientele.access.AccessProperties;
import io.clientele.access.customer.CustomerDirectory;
import io.clientele.platform.limit.RateLimiter;
import io.clientele.platform.web.ClientAddresses;
import io.clientele.platform.web.ProblemException;
import io.clientele.platform.web.TokenInput;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Public, for apps and pages holding a session: who the session is (GET), log-out (DELETE), and renewal with the
 * refresh token that log-in answered (POST .../refresh), a number of times per client address.
 */
@RestController
class AppSessionController {

    private final SessionTokens tokens;
    private final SessionRevocations revocations;
    private final SessionRenewal renewal;
    private final CustomerDirectory customers;
    private final ClientAddresses clientAddresses;
    private final RateLimiter limiter;
    private final AccessProperties properties;

    AppSessionController(SessionTokens tokens, SessionRevocations revocations, SessionRenewal renewal,
                         CustomerDirectory customers, ClientAddresses clientAddresses, RateLimiter limiter,
                         AccessProperties properties) {
        this.tokens = tokens;
        this.revocations = revocations;
        this.renewal = renewal;
        this.customers = customers;
        this.clientAddresses = clientAddresses;
        this.limiter = limiter;
        this.properties = properties;
    }

    @GetMapping("/api/v1/sites/{siteId}/sessions/current")
    Mono<CurrentSession> current(@PathVariable String siteId, ServerHttpRequest request) {
        return session(siteId, request).flatMap(session -> customers.find(siteId, session.customerId())
                .map(customer -> new CurrentSession(session.customerId(), customer.email(), session.groups(),
                        session.expiresAt())));
    }

    @DeleteMapping("/api/v1/sites/{siteId}/sessions/current")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logOut(@PathVariable String siteId, ServerHttpRequest request) {
        return session(siteId, request).flatMap(renewal::logOut);
    }

    @PostMapping("/api/v1/sites/{siteId}/sessions/refresh")
    Mono<IssuedSession> refresh(@PathVariable String siteId, @RequestBody Renewal body, ServerHttpRequest request) {
        return TokenInput.check("refreshToken", body.refreshToken())
                .then(Mono.defer(() -> limiter.consume("refreshes-per-address", clientAddresses.of(request),
                        properties.refreshesPerAddress(), "session renewals from this address")))
                .then(Mono.defer(() -> renewal.renew(siteId, body.refreshToken())));
    }

    /** The session the request's bearer token holds, still valid; a 401 otherwise. */
    private Mono<Session> session(String siteId, ServerHttpRequest request) {
        String token = BearerToken.of(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        return Mono.justOrEmpty(token == null ? null : tokens.verify(token, siteId).orElse(null))
                .filter(session -> revocations.ending(session) == null)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "session-not-valid",
                        "Session not valid", "Log in: the session token is missing, expired or ended.")));
    }

    record Renewal(String refreshToken) {
    }

    record CurrentSession(UUID customerId, String email, List<String> groups, Instant expiresAt) {
    }
}
