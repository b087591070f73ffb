package io.clientele.access.reset;

import io.clientele.access.AccessProperties;
import io.clientele.platform.limit.RateLimiter;
import io.clientele.platform.web.ClientAddresses;
import io.clientele.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Public: asks for a password reset link, a few times per client address. The answer is the same whether or not the
 * e-mail is a customer's.
 */
@RestController
class PasswordResetController {

    static final ResetAnswer ANSWER = new ResetAnswer(
            "If this e-mail address belongs to a customer of the site, a link to choose a new password is on its way.");

    private final PasswordResetService resets;
    private final ClientAddresses clientAddresses;
    private final RateLimiter limiter;
    private final AccessProperties properties;

    PasswordResetController(PasswordResetService resets, ClientAddresses clientAddresses, RateLimiter limiter,
                            AccessProperties properties) {
        this.resets = resets;
        this.clientAddresses = clientAddresses;
        this.limiter = limiter;
        this.properties = properties;
    }

    @PostMapping("/api/v1/sites/{siteId}/password-resets")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ResetAnswer> requestReset(@PathVariable String siteId, @RequestBody ResetRequest request,
                                   ServerHttpRequest http) {
        if (request.email() == null || request.email().isBlank() || request.email().length() > 254) {
            return Mono.error(ProblemException.invalidField("email", "is required, with at most 254 characters"));
        }
        return limiter.consume("resets-per-address", clientAddresses.of(http), properties.resetsPerAddress(),
                        "password reset requests from this address")
                .then(resets.requestReset(siteId, request.email()))
                .thenReturn(ANSWER);
    }

    record ResetRequest(String email) {
    }

    record ResetAnswer(String message) {
    }
}
