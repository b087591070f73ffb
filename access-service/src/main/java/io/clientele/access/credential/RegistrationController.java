package io.clientele.access.credential;

import io.clientele.access.AccessProperties;
import io.clientele.platform.limit.RateLimiter;
import io.clientele.platform.web.ClientAddresses;
import io.clientele.platform.web.ProblemException;
import io.clientele.platform.web.TokenInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Public: the password half of an app's registration (the edge sends the sign-up half to customer-service in the
 * same call), and the verification link's page posting its token. Both count against the address's password limit.
 * The answer to a registration says nothing of whether the address is a customer's already.
 */
@RestController
class RegistrationController {

    private final Registrations registrations;
    private final ClientAddresses clientAddresses;
    private final RateLimiter limiter;
    private final AccessProperties properties;

    RegistrationController(Registrations registrations, ClientAddresses clientAddresses, RateLimiter limiter,
                           AccessProperties properties) {
        this.registrations = registrations;
        this.clientAddresses = clientAddresses;
        this.limiter = limiter;
        this.properties = properties;
    }

    @PostMapping("/api/v1/sites/{siteId}/registrations")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Void> register(@PathVariable String siteId, @RequestBody Registration body, ServerHttpRequest request) {
        if (body.email() == null || !body.email().contains("@") || body.email().length() > 254) {
            return Mono.error(ProblemException.invalidField("email", "is required, with at most 254 characters"));
        }
        return limited(request).then(Mono.defer(() -> registrations.register(siteId, body.email().strip(), body.password())));
    }

    @PostMapping("/api/v1/sites/{siteId}/email-verifications")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> verify(@PathVariable String siteId, @RequestBody Verification body, ServerHttpRequest request) {
        return TokenInput.check("token", body.token())
                .then(Mono.defer(() -> limited(request)))
                .then(Mono.defer(() -> registrations.verify(siteId, body.token())));
    }

    private Mono<Void> limited(ServerHttpRequest request) {
        return limiter.consume("passwords-per-address", clientAddresses.of(request), properties.passwordsPerAddress(),
                "password changes from this address");
    }

    record Registration(String email, String password) {
    }

    record Verification(String token) {
    }
}
