package io.clientele.gateway.console;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The delivery log: every e-mail the site's customers and owners were sent, by status, and a failed one sent again. */
@Controller
class DeliveryPages {

    static final List<String> STATUSES = List.of("SENT", "QUEUED", "FAILED", "SUPPRESSED");

    private final Console console;
    private final ConsoleCalls calls;

    DeliveryPages(Console console, ConsoleCalls calls) {
        this.console = console;
        this.calls = calls;
    }

    @GetMapping("/admin/sites/{siteId}/deliveries")
    Mono<Rendering> log(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                        @RequestParam(required = false) String status, @RequestParam(required = false) String recipient,
                        @RequestParam(required = false) String resent, ServerWebExchange exchange) {
        String shown = status != null && STATUSES.contains(status) ? status : null;
        String to = recipient == null || recipient.isBlank() ? null : recipient.strip();
        return console.open(user, siteId, exchange).flatMap(screen -> calls.get(calls.notifications(), uri -> uri
                        .path("/api/v1/sites/{siteId}/notifications")
                        .queryParamIfPresent("status", java.util.Optional.ofNullable(shown))
                        .queryParamIfPresent("recipient", java.util.Optional.ofNullable(to))
                        .queryParam("limit", 100).build(siteId), ConsoleCalls.JSON)
                .map(page -> screen.show("console/deliveries", Map.of("deliveries", page.get("items"),
                        "status", shown == null ? "" : shown, "recipient", to == null ? "" : to, "statuses", STATUSES,
                        "resent", resent != null))));
    }

    @PostMapping("/admin/sites/{siteId}/deliveries/{deliveryId}/resend")
    Mono<Rendering> resend(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, @PathVariable String deliveryId,
                           ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> calls.send(HttpMethod.POST, calls.notifications(),
                        "/api/v1/sites/" + siteId + "/notifications/" + deliveryId + "/resend", Map.of())
                .thenReturn(screen.redirect(screen.base() + "/deliveries?status=FAILED&resent")));
    }
}
