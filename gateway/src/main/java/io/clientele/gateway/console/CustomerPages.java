package io.clientele.gateway.console;

import io.clientele.gateway.Forms;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The customers of a site: the overview (search in all fields or one, the collaborator's columns, a pencil per row),
 * a new customer, and each
 * customer's profile with its tabs Home (notes, activity), Details (every field) and Access and groups.
 */
@Controller
class CustomerPages {

    static final List<String> SEARCH_FIELDS = List.of("name", "email", "organization", "phone", "externalId");
    private static final Set<String> TABS = Set.of("home", "details", "access");
    private static final List<String> SENT = List.of("invitation", "reset");
    private static final List<String> FIELDS = List.of("firstName", "lastName", "email", "phone", "organization");
    private static final List<String> MORE_OPTIONS = List.of("newGroups", "optedIn", "evidence", "note", "invite");
    private static final List<String> FIELDS_AND_OPTIONS = java.util.stream.Stream.concat(FIELDS.stream(),
            MORE_OPTIONS.stream()).toList();

    private final Console console;
    private final ConsoleCalls calls;
    private final OverviewColumns columns;

    CustomerPages(Console console, ConsoleCalls calls, OverviewColumns columns) {
        this.console = console;
        this.calls = calls;
        this.columns = columns;
    }

    @GetMapping("/admin/sites/{siteId}/customers")
    Mono<Rendering> overview(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                             @RequestParam(required = false) String q, @RequestParam(required = false) String field,
                             @RequestParam(required = false) String after, ServerWebExchange exchange) {
        String searched = field != null && SEARCH_FIELDS.contains(field) ? field : null;
        String text = q == null || q.isBlank() ? null : q.strip();
        return console.open(user, siteId, exchange).flatMap(screen -> columns.mine(siteId).flatMap(shown -> calls.get(
                        calls.customers(), uri -> uri.path("/api/v1/sites/{siteId}/customers")
                                .queryParamIfPresent("q", java.util.Optional.ofNullable(text))
                                .queryParamIfPresent("field", java.util.Optional.ofNullable(searched))
                                .queryParamIfPresent("after", java.util.Optional.ofNullable(after))
                                .queryParam("fields", String.join(",", shown))
                                .queryParam("limit", 50).build(siteId), ConsoleCalls.JSON)
                .map(page -> screen.show(fragmentOr(exchange, "console/customers"), Map.of(
                        "customers", page.get("items"), "columns", shown, "rows", OverviewColumns.cells(page.get("items"), shown),
                        "total", page.get("total"), "next", String.valueOf(page.get("next")),
                        "hasNext", page.get("next") != null, "q", text == null ? "" : text,
                        "field", searched == null ? "" : searched, "fields", SEARCH_FIELDS)))));
    }

    /** htmx asks for the results alone while a collaborator types; a page load gets the whole page. */
    private static String fragmentOr(ServerWebExchange exchange, String view) {
        return "true".equals(exchange.getRequest().getHeaders().getFirst("HX-Request")) ? view + " :: results" : view;
    }

    @GetMapping("/admin/sites/{siteId}/customers/new")
    Mono<Rendering> newCustomer(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> creationPage(screen, Map.of(), List.of(), List.of()));
    }

    private Mono<Rendering> creationPage(Console.Screen screen, Map<String, String> values, List<String> chosenGroups,
                                         List<String> problems) {
        return calls.get(calls.customers(), uri -> uri.path("/api/v1/sites/{siteId}/groups").build(screen.siteId()),
                        ConsoleCalls.JSON_LIST)
                .map(groups -> screen.show("console/new-customer", Map.of("values", values, "problems", problems,
                        "groups", groups.stream().map(group -> String.valueOf(group.get("name"))).toList(),
                        "chosenGroups", chosenGroups,
                        "more", !chosenGroups.isEmpty() || MORE_OPTIONS.stream().anyMatch(values::containsKey))));
    }

    /** The customer with what "+ More options" adds (groups, opt-in, a note, an invitation), created in one call. */
    @PostMapping("/admin/sites/{siteId}/customers/new")
    Mono<Rendering> create(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> exchange.getFormData().flatMap(form -> {
            Map<String, Object> customer = new LinkedHashMap<>();
            Map<String, String> values = new LinkedHashMap<>();
            for (String name : FIELDS_AND_OPTIONS) {
                String value = Forms.field(form, name);
                if (!value.isEmpty()) {
                    values.put(name, value);
                }
            }
            FIELDS.stream().filter(values::containsKey).forEach(name -> customer.put(name, values.get(name)));
            List<String> groups = new java.util.ArrayList<>(form.getOrDefault("group", List.of()));
            groups.addAll(Forms.commaSeparated(form, "newGroups"));
            if (!groups.isEmpty()) {
                customer.put("groups", groups);
            }
            if (values.containsKey("optedIn")) {
                customer.put("consent", Map.of("optedIn", true, "source", "manual", "evidence",
                        values.containsKey("evidence") ? Map.of("recordedIn", "console", "how", values.get("evidence"))
                                : Map.of("recordedIn", "console")));
            }
            if (values.containsKey("note")) {
                customer.put("notes", List.of(Map.of("text", values.get("note"))));
            }
            if (values.containsKey("invite")) {
                customer.put("invite", true);
            }
            return calls.send(HttpMethod.POST, calls.customers(), "/api/v1/sites/" + siteId + "/customers", customer)
                    .map(created -> screen.redirect(screen.base() + "/customers/" + created.get("id")))
                    .onErrorResume(ConsoleProblem.class, problem -> creationPage(screen, values, groups, problem.listed()));
        }));
    }

    @GetMapping("/admin/sites/{siteId}/customers/{customerId}")
    Mono<Rendering> profile(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                            @PathVariable String customerId, @RequestParam(defaultValue = "home") String tab,
                            @RequestParam(required = false) String sent, ServerWebExchange exchange) {
        String shown = tab != null && TABS.contains(tab) ? tab : "home";
        return console.open(user, siteId, exchange).flatMap(screen -> calls.get(calls.customers(),
                        uri -> uri.path("/api/v1/sites/{siteId}/customers/{customerId}").build(siteId, customerId), ConsoleCalls.JSON)
                .flatMap(customer -> tabContents(siteId, customerId, shown).map(contents -> {
                    Map<String, Object> model = new LinkedHashMap<>(contents);
                    model.put("customer", customer);
                    model.put("tab", shown);
                    model.put("sent", sent != null && SENT.contains(sent) ? sent : "");
                    model.put("customerName", CustomerNames.of(customer));
                    return screen.show("console/customer", model);
                })));
    }

    private Mono<Map<String, Object>> tabContents(String siteId, String customerId, String tab) {
        return switch (tab) {
            case "home" -> calls.get(calls.customers(), uri -> uri.path("/api/v1/sites/{siteId}/customers/{customerId}/timeline")
                    .queryParam("limit", 20).build(siteId, customerId), ConsoleCalls.JSON)
                    .map(timeline -> Map.of("activity", timeline.get("entries")));
            case "access" -> calls.get(calls.access(), uri -> uri.path("/api/v1/sites/{siteId}/access-requests")
                    .queryParam("customerId", customerId).build(siteId), ConsoleCalls.JSON)
                    .map(requests -> Map.of("requests", requests.get("items")));
            default -> Mono.just(Map.of());
        };
    }

    @PostMapping("/admin/sites/{siteId}/customers/{customerId}/notes")
    Mono<Rendering> addNote(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                            @PathVariable String customerId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> exchange.getFormData()
                .flatMap(form -> calls.send(HttpMethod.POST, calls.customers(),
                        "/api/v1/sites/" + siteId + "/customers/" + customerId + "/notes", Map.of("text", Forms.field(form, "text"))))
                .thenReturn(screen.redirect(screen.base() + "/customers/" + customerId)));
    }

    /** The e-mail marketing opt-in recorded by hand, with how it was given (kept as its evidence). */
    @PostMapping("/admin/sites/{siteId}/customers/{customerId}/consent")
    Mono<Rendering> consent(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                            @PathVariable String customerId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> exchange.getFormData().flatMap(form -> {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("recordedIn", "console");
            String how = Forms.field(form, "evidence");
            if (!how.isEmpty()) {
                evidence.put("how", how);
            }
            return calls.send(HttpMethod.POST, calls.customers(), "/api/v1/sites/" + siteId + "/customers/" + customerId + "/consent",
                            Map.of("optedIn", "true".equals(form.getFirst("optedIn")), "source", "manual", "evidence", evidence))
                    .thenReturn(screen.redirect(screen.base() + "/customers/" + customerId + "?tab=details"));
        }));
    }

    /** An invitation to set a password (valid 7 days), mailed to the customer. */
    @PostMapping("/admin/sites/{siteId}/customers/{customerId}/invitations")
    Mono<Rendering> invite(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                           @PathVariable String customerId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> calls.send(HttpMethod.POST, calls.access(),
                        "/api/v1/sites/" + siteId + "/customers/" + customerId + "/invitations", Map.of())
                .thenReturn(screen.redirect(screen.base() + "/customers/" + customerId + "?tab=access&sent=invitation")));
    }

    /** A link to choose a new password (valid 24 hours), mailed to the customer's address. */
    @PostMapping("/admin/sites/{siteId}/customers/{customerId}/password-reset")
    Mono<Rendering> resetPassword(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                                  @PathVariable String customerId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> calls.get(calls.customers(),
                        uri -> uri.path("/api/v1/sites/{siteId}/customers/{customerId}").build(siteId, customerId), ConsoleCalls.JSON)
                .flatMap(customer -> calls.send(HttpMethod.POST, calls.access(), "/api/v1/sites/" + siteId + "/password-resets",
                        Map.of("email", String.valueOf(customer.get("email")))))
                .thenReturn(screen.redirect(screen.base() + "/customers/" + customerId + "?tab=access&sent=reset")));
    }

}
