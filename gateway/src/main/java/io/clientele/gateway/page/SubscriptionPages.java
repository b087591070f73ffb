package io.clientele.gateway.page;

import io.clientele.gateway.Forms;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A marketing mail's links. Unsubscribe: opening the link shows a button (a mail scanner's visit changes nothing);
 * the button, or a mail client's one-click POST to the same address (RFC 8058, body
 * {@code List-Unsubscribe=One-Click}, no CSRF token possible: the link's token is the proof), opts the customer out.
 * Preferences: the customer sees whether they get marketing mail and turns it on or off.
 */
@Controller
class SubscriptionPages {

    private final PlatformCalls platform;

    SubscriptionPages(PlatformCalls platform) {
        this.platform = platform;
    }

    @GetMapping("/sites/{siteId}/unsubscribe")
    Rendering unsubscribeForm(@RequestParam(required = false) String token, ServerWebExchange exchange) {
        Page page = Pages.current(exchange);
        return token == null || token.isBlank() ? page.trouble(new Outcome.LinkNotValid(), "none")
                : page.show("unsubscribe", Map.of("token", token));
    }

    @PostMapping("/sites/{siteId}/unsubscribe")
    Mono<Rendering> unsubscribe(@PathVariable String siteId, @RequestParam(required = false) String token,
                                ServerWebExchange exchange) {
        Page page = Pages.current(exchange);
        return exchange.getFormData().flatMap(form -> change(exchange, siteId, token(token, form), false)
                .map(outcome -> outcome instanceof Outcome.Done
                        ? page.show("unsubscribed", Map.of("token", token(token, form)))
                        : page.trouble(notValid(outcome), "none")));
    }

    @GetMapping("/sites/{siteId}/preferences")
    Mono<Rendering> preferences(@PathVariable String siteId, @RequestParam(required = false) String token,
                                ServerWebExchange exchange) {
        Page page = Pages.current(exchange);
        return platform.toCustomers(exchange.getRequest(), "/api/v1/sites/" + siteId + "/subscription/status",
                        body(token, null))
                .map(outcome -> outcome instanceof Outcome.Done done
                        ? page.show("preferences", Map.of("token", token, "optedIn", done.body().get("optedIn")))
                        : page.trouble(notValid(outcome), "none"));
    }

    @PostMapping("/sites/{siteId}/preferences")
    Mono<Rendering> choose(@PathVariable String siteId, ServerWebExchange exchange) {
        Page page = Pages.current(exchange);
        return exchange.getFormData().flatMap(form -> change(exchange, siteId, Forms.field(form, "token"),
                        "true".equals(form.getFirst("optedIn")))
                .map(outcome -> outcome instanceof Outcome.Done done
                        ? page.show("preferences", Map.of("token", Forms.field(form, "token"),
                                "optedIn", done.body().get("optedIn"), "saved", true))
                        : page.trouble(notValid(outcome), "none")));
    }

    private Mono<Outcome> change(ServerWebExchange exchange, String siteId, String token, boolean optedIn) {
        return platform.toCustomers(exchange.getRequest(), "/api/v1/sites/" + siteId + "/subscription", body(token, optedIn));
    }

    private static Map<String, Object> body(String token, Boolean optedIn) {
        Map<String, Object> body = new HashMap<>();
        body.put("token", token == null ? "" : token);
        if (optedIn != null) {
            body.put("optedIn", optedIn);
        }
        return body;
    }

    /** The token of the link's address (one-click) or of the page's form. */
    private static String token(String query, MultiValueMap<String, String> form) {
        return query != null && !query.isBlank() ? query : Forms.field(form, "token");
    }

    private static Outcome notValid(Outcome outcome) {
        return outcome instanceof Outcome.Refused ? new Outcome.LinkNotValid() : outcome;
    }
}
