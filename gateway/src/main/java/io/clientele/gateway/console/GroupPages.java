package io.clientele.gateway.console;

import io.clientele.gateway.Forms;
import java.util.List;
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
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * Groups and protected pages: the site's groups with their sizes (customer-service's), and the pages only members
 * of some groups may see (access-service's), protected or opened again here.
 */
@Controller
class GroupPages {

    private final Console console;
    private final ConsoleCalls calls;

    GroupPages(Console console, ConsoleCalls calls) {
        this.console = console;
        this.calls = calls;
    }

    @GetMapping("/admin/sites/{siteId}/groups")
    Mono<Rendering> groups(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> page(screen, List.of()));
    }

    private Mono<Rendering> page(Console.Screen screen, List<String> problems) {
        return Mono.zip(
                        calls.get(calls.customers(), uri -> uri.path("/api/v1/sites/{siteId}/groups").build(screen.siteId()),
                                ConsoleCalls.JSON_LIST),
                        calls.get(calls.access(), uri -> uri.path("/api/v1/sites/{siteId}/pages").build(screen.siteId()),
                                ConsoleCalls.JSON_LIST))
                .map(found -> screen.show("console/groups", Map.of("groups", found.getT1(), "pages", found.getT2(),
                        "problems", problems)));
    }

    @PostMapping("/admin/sites/{siteId}/groups")
    Mono<Rendering> create(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> exchange.getFormData()
                .flatMap(form -> calls.send(HttpMethod.POST, calls.customers(), "/api/v1/sites/" + siteId + "/groups",
                        Map.of("name", Forms.field(form, "name"))))
                .thenReturn(screen.redirect(screen.base() + "/groups"))
                .onErrorResume(ConsoleProblem.class, problem -> page(screen, problem.listed())));
    }

    @PostMapping("/admin/sites/{siteId}/pages")
    Mono<Rendering> protect(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> exchange.getFormData()
                .flatMap(form -> calls.send(HttpMethod.PUT, calls.access(), "/api/v1/sites/" + siteId + "/pages/"
                        + UriUtils.encodePathSegment(Forms.field(form, "pageId"), java.nio.charset.StandardCharsets.UTF_8),
                        Map.of("groups", Forms.commaSeparated(form, "groups"))))
                .thenReturn(screen.redirect(screen.base() + "/groups"))
                .onErrorResume(ConsoleProblem.class, problem -> page(screen, problem.listed())));
    }

    @PostMapping("/admin/sites/{siteId}/pages/{pageId}/open")
    Mono<Rendering> open(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, @PathVariable String pageId,
                         ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> calls.send(HttpMethod.DELETE, calls.access(),
                        "/api/v1/sites/" + siteId + "/pages/" + UriUtils.encodePathSegment(pageId, java.nio.charset.StandardCharsets.UTF_8), null)
                .thenReturn(screen.redirect(screen.base() + "/groups")));
    }
}
