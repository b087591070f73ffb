package io.clientele.gateway.console;

import io.clientele.gateway.Forms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/**
 * The site's access requests (the pending ones first, where an owner's mail leads), and one request to approve
 * into groups (the site's, or a new one) or to reject with a reason.
 */
@Controller
class AccessRequestPages {

    private static final List<String> STATUSES = List.of("PENDING", "APPROVED", "REJECTED");

    private final Console console;
    private final ConsoleCalls calls;

    AccessRequestPages(Console console, ConsoleCalls calls) {
        this.console = console;
        this.calls = calls;
    }

    @GetMapping("/admin/sites/{siteId}/access-requests")
    Mono<Rendering> list(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                         @RequestParam(defaultValue = "PENDING") String status, ServerWebExchange exchange) {
        String shown = STATUSES.contains(status) ? status : "PENDING";
        return console.open(user, siteId, exchange).flatMap(screen -> calls.get(calls.access(), uri -> uri
                        .path("/api/v1/sites/{siteId}/access-requests").queryParam("status", shown).build(siteId), ConsoleCalls.JSON)
                .map(page -> screen.show("console/access-requests", Map.of("requests", page.get("items"), "status", shown,
                        "statuses", STATUSES))));
    }

    @GetMapping("/admin/sites/{siteId}/access-requests/{requestId}")
    Mono<Rendering> one(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, @PathVariable String requestId,
                        ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> shown(screen, requestId, List.of()));
    }

    private Mono<Rendering> shown(Console.Screen screen, String requestId, List<String> problems) {
        return Mono.zip(
                calls.get(calls.access(), uri -> uri.path("/api/v1/sites/{siteId}/access-requests/{requestId}")
                        .build(screen.siteId(), requestId), ConsoleCalls.JSON),
                calls.get(calls.customers(), uri -> uri.path("/api/v1/sites/{siteId}/groups").build(screen.siteId()),
                        ConsoleCalls.JSON_LIST))
                .map(found -> {
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("request", found.getT1());
                    model.put("groups", found.getT2().stream().map(group -> String.valueOf(group.get("name"))).toList());
                    model.put("problems", problems);
                    return screen.show("console/access-request", model);
                });
    }

    @PostMapping("/admin/sites/{siteId}/access-requests/{requestId}/approve")
    Mono<Rendering> approve(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                            @PathVariable String requestId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> exchange.getFormData().flatMap(form -> {
            List<String> groups = new ArrayList<>(form.getOrDefault("group", List.of()));
            String added = Forms.field(form, "newGroup");
            if (!added.isEmpty()) {
                groups.add(added);
            }
            return decide(screen, requestId, "approve", Map.of("groups", groups));
        }));
    }

    @PostMapping("/admin/sites/{siteId}/access-requests/{requestId}/reject")
    Mono<Rendering> reject(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                           @PathVariable String requestId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> exchange.getFormData()
                .flatMap(form -> decide(screen, requestId, "reject", Map.of("reason", Forms.field(form, "reason")))));
    }

    private Mono<Rendering> decide(Console.Screen screen, String requestId, String decision, Map<String, Object> body) {
        return calls.send(HttpMethod.POST, calls.access(),
                        "/api/v1/sites/" + screen.siteId() + "/access-requests/" + requestId + "/" + decision, body)
                .thenReturn(screen.redirect(screen.base() + "/access-requests/" + requestId))
                .onErrorResume(ConsoleProblem.class, problem -> shown(screen, requestId, problem.listed()));
    }
}
