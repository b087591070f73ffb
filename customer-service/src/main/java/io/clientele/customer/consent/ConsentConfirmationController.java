package io.clientele.customer.consent;

import io.clientele.platform.limit.RateLimiter;
import io.clientele.platform.web.ClientAddresses;
import io.clientele.platform.web.ProblemException;
import io.clientele.platform.web.TokenInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Public: the page behind a double opt-in's link posts its token here, and the opt-in is recorded. */
@RestController
class ConsentConfirmationController {

    private final DoubleOptIn doubleOptIn;
    private final ClientAddresses clientAddresses;
    private final RateLimiter limiter;
    private final ConsentProperties properties;
    private final TransactionalOperator tx;

    ConsentConfirmationController(DoubleOptIn doubleOptIn, ClientAddresses clientAddresses, RateLimiter limiter,
                                  ConsentProperties properties, TransactionalOperator tx) {
        this.doubleOptIn = doubleOptIn;
        this.clientAddresses = clientAddresses;
        this.limiter = limiter;
        this.properties = properties;
        this.tx = tx;
    }

    @PostMapping("/api/v1/sites/{siteId}/consent-confirmations")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> confirm(@PathVariable String siteId, @RequestBody Confirmation confirmation, ServerHttpRequest request) {
        String clientAddress = clientAddresses.of(request);
        return TokenInput.check("token", confirmation.token())
                .then(Mono.defer(() -> limiter.consume("confirmations-per-address", clientAddress,
                        properties.confirmationsPerAddress(), "confirmation links from this address")))
                .then(Mono.defer(() -> tx.transactional(doubleOptIn.confirm(siteId, confirmation.token(), clientAddress))
                        .switchIfEmpty(Mono.error(ConsentConfirmationController::linkNotValid))))
                .then();
    }

    private static ProblemException linkNotValid() {
        return ProblemException.linkNotValid(
                "This confirmation link is not valid any more: it was used or it expired. Sign up again to get a new one.");
    }

    record Confirmation(String token) {
    }
}
