package io.clientele.gateway.console;

import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Erasing a customer's personal data everywhere (only an owner may), and the erasure's status: which services
 * confirmed it and which are still at it, followed live until all have.
 */
@Controller
class ErasurePages {

    private final Console console;
    private final ConsoleCalls calls;

    ErasurePages(Console console, ConsoleCalls calls) {
        this.console = console;
        this.calls = calls;
    }

    @PostMapping("/admin/sites/{siteId}/customers/{customerId}/erase")
    Mono<Rendering> erase(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, @PathVariable String customerId,
                          ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> calls.send(HttpMethod.DELETE, calls.customers(),
                        "/api/v1/sites/" + siteId + "/customers/" + customerId + "?erase=true", null)
                .thenReturn(screen.redirect(screen.base() + "/erasures/" + customerId)));
    }

    @GetMapping("/admin/sites/{siteId}/erasures/{customerId}")
    Mono<Rendering> status(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, @PathVariable String customerId,
                           ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> calls.get(calls.customers(),
                        uri -> uri.path("/api/v1/sites/{siteId}/erasures/{customerId}").build(siteId, customerId), ConsoleCalls.JSON)
                .map(erasure -> screen.show("console/erasure", Map.of("erasure", erasure,
                        "running", !Boolean.TRUE.equals(erasure.get("complete"))))));
    }
}
