package io.clientele.access.reset;

import io.clientele.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Public: asks for a password reset link. The answer is the same whether or not the e-mail is a customer's. */
@RestController
class PasswordResetController {

    static final ResetAnswer ANSWER = new ResetAnswer(
            "If this e-mail address belongs to a customer of the site, a link to choose a new password is on its way.");

    private final PasswordResetService resets;

    PasswordResetController(PasswordResetService resets) {
        this.resets = resets;
    }

    @PostMapping("/api/v1/sites/{siteId}/password-resets")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ResetAnswer> requestReset(@PathVariable String siteId, @RequestBody ResetRequest request) {
        if (request.email() == null || request.email().isBlank() || request.email().length() > 254) {
            return Mono.error(ProblemException.invalidField("email", "is required, with at most 254 characters"));
        }
        return resets.requestReset(siteId, request.email()).thenReturn(ANSWER);
    }

    record ResetRequest(String email) {
    }

    record ResetAnswer(String message) {
    }
}
