package io.clientele.gateway.page;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The link of an app's registration mail: a button makes the password chosen in the app count. */
@Controller
class VerifyEmailPages {

    private final PlatformCalls platform;

    VerifyEmailPages(PlatformCalls platform) {
        this.platform = platform;
    }

    @GetMapping("/sites/{siteId}/verify-email")
    Rendering verifyForm(@RequestParam(required = false) String token, ServerWebExchange exchange) {
        Page page = Pages.current(exchange);
        return token == null || token.isBlank() ? page.trouble(new Outcome.LinkNotValid(), "log-in")
                : page.show("verify-email", Map.of("token", token));
    }

    @PostMapping("/sites/{siteId}/verify-email")
    Mono<Rendering> verify(@PathVariable String siteId, ServerWebExchange exchange) {
        Page page = Pages.current(exchange);
        return exchange.getFormData().flatMap(form -> platform.toAccess(exchange.getRequest(),
                        "/api/v1/sites/" + siteId + "/email-verifications", Map.of("token", Forms.field(form, "token")))
                .map(outcome -> outcome instanceof Outcome.Done ? page.show("email-verified")
                        : page.trouble(outcome instanceof Outcome.Refused ? new Outcome.LinkNotValid() : outcome, "log-in")));
    }
}
