package io.clientele.access.credential;

import io.clientele.access.AccessProperties;
import io.clientele.platform.limit.RateLimiter;
import io.clientele.platform.web.ClientAddresses;
import io.clientele.platform.web.TokenInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Public: the page an invitation or reset e-mail links to posts the new password here, a few times per address. */
@RestController
class PasswordController {

    private final PasswordService passwords;
    private final ClientAddresses clientAddresses;
    private final RateLimiter limiter;
    private final AccessProperties properties;

    PasswordController(PasswordService passwords, ClientAddresses clientAddresses, RateLimiter limiter,
                       AccessProperties properties) {
        this.passwords = passwords;
        this.clientAddresses = clientAddresses;
        this.limiter = limiter;
        this.properties = properties;
    }

    @PostMapping("/api/v1/sites/{siteId}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> setPassword(@PathVariable String siteId, @RequestBody NewPassword body, ServerHttpRequest request) {
        return TokenInput.check("token", body.token())
                .then(Mono.defer(() -> limiter.consume("passwords-per-address", clientAddresses.of(request),
                        properties.passwordsPerAddress(), "password changes from this address")))
                .then(Mono.defer(() -> passwords.setPassword(siteId, body.token(), body.password())));
    }

    record NewPassword(String token, String password) {
    }
}
