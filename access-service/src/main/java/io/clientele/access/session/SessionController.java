package io.clientele.access.session;

import io.clientele.access.AccessProperties;
import io.clientele.platform.web.ClientAddresses;
import io.clientele.platform.web.ProblemException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Public: a customer logs in to a site with e-mail and password. */
@RestController
class SessionController {

    private final LoginService logins;
    private final ClientAddresses clientAddresses;
    private final AccessProperties properties;

    SessionController(LoginService logins, ClientAddresses clientAddresses, AccessProperties properties) {
        this.logins = logins;
        this.clientAddresses = clientAddresses;
        this.properties = properties;
    }

    @PostMapping("/api/v1/sites/{siteId}/sessions")
    Mono<IssuedSession> logIn(@PathVariable String siteId, @RequestBody Credentials credentials, ServerHttpRequest request) {
        if (credentials.email() == null || credentials.email().isBlank() || credentials.email().length() > 254) {
            return Mono.error(ProblemException.invalidField("email", "is required, with at most 254 characters"));
        }
        if (credentials.password() == null || credentials.password().isEmpty() || credentials.password().length() > 1024) {
            return Mono.error(ProblemException.invalidField("password", "is required"));
        }
        return logins.logIn(new LoginAttempt(siteId, credentials.email(), credentials.password(), clientAddresses.of(request),
                ClientPlatforms.of(request.getHeaders()), country(request.getHeaders())));
    }

    /** The ISO 3166 code the edge put in one of the country headers, if any. */
    private String country(HttpHeaders headers) {
        return properties.countryHeaders().stream()
                .map(headers::getFirst)
                .filter(code -> code != null && code.trim().matches("[A-Za-z]{2}"))
                .map(code -> code.trim().toUpperCase(Locale.ROOT))
                .filter(code -> !code.equals("XX"))
                .findFirst().orElse(null);
    }

    record Credentials(String email, String password) {
    }
}
