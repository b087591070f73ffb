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

/**
 * The double opt-in's link: opening it shows a button, and only pressing it confirms. Mail scanners open links
 * before the reader does; a confirmation on opening would be theirs.
 */
@Controller
class ConsentPages {

    private final PlatformCalls platform;

    ConsentPages(PlatformCalls platform) {
        this.platform = platform;
    }

    @GetMapping("/sites/{siteId}/confirm-email")
    Rendering confirmForm(@RequestParam(required = false) String token, ServerWebExchange exchange) {
        Page page = Pages.current(exchange);
        return token == null || token.isBlank()
                ? page.trouble(new Outcome.LinkNotValid(), "sign-up-again")
                : page.show("confirm-email", Map.of("token", token));
    }

    @PostMapping("/sites/{siteId}/confirm-email")
    Mono<Rendering> confirm(@PathVariable String siteId, ServerWebExchange exchange) {
        Page page = Pages.current(exchange);
        return exchange.getFormData().flatMap(form -> platform.toCustomers(exchange.getRequest(),
                        "/api/v1/sites/" + siteId + "/consent-confirmations", Map.of("token", Forms.field(form, "token")))
                .map(outcome -> outcome instanceof Outcome.Done
                        ? page.show("email-confirmed")
                        : page.trouble(outcome instanceof Outcome.Refused ? new Outcome.LinkNotValid() : outcome,
                                "sign-up-again")));
    }
}
