package io.clientele.access.credential;

import io.clientele.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Public: the page an invitation or reset e-mail links to posts the new password here. */
@RestController
class PasswordController {

    private final PasswordService passwords;

    PasswordController(PasswordService passwords) {
        this.passwords = passwords;
    }

    @PostMapping("/api/v1/sites/{siteId}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> setPassword(@PathVariable String siteId, @RequestBody NewPassword body) {
        if (body.token() == null || body.token().isBlank() || body.token().length() > 100) {
            return Mono.error(ProblemException.invalidField("token", "is required"));
        }
        return passwords.setPassword(siteId, body.token(), body.password());
    }

    record NewPassword(String token, String password) {
    }
}
