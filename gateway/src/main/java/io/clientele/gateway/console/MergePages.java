package io.clientele.gateway.console;

import io.clientele.gateway.Forms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * Duplicates and merge: the customers who share an e-mail address, a phone number, or a name at one postal code; two
 * of them compared field by field, the owner choosing whose value stays where both have one, then merged into the
 * one kept (tags, other data and external ids are combined by customer-service).
 */
@Controller
class MergePages {

    /** The fields one customer's value is chosen for; the others are combined. */
    static final List<String> CHOSEN_FIELDS = List.of("salutation", "firstName", "middleName", "lastName", "organization",
            "email", "smsNumber", "phone", "alternatePhone", "fax", "addressLine1", "addressLine2", "locality",
            "administrativeArea", "province", "postalCode", "country", "birthDate", "preferredContentType",
            "accountActive", "status", "locale");

    private final Console console;
    private final ConsoleCalls calls;

    MergePages(Console console, ConsoleCalls calls) {
        this.console = console;
        this.calls = calls;
    }

    @GetMapping("/admin/sites/{siteId}/duplicates")
    Mono<Rendering> duplicates(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                               @RequestParam(required = false) String after, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> calls.get(calls.customers(), uri -> uri
                        .path("/api/v1/sites/{siteId}/customers/duplicates")
                        .queryParamIfPresent("after", java.util.Optional.ofNullable(after)).build(siteId), ConsoleCalls.JSON)
                .map(page -> screen.show("console/duplicates", Map.of("sets", page.get("items"),
                        "next", String.valueOf(page.get("next")), "hasNext", page.get("next") != null))));
    }

    @GetMapping("/admin/sites/{siteId}/merge")
    Mono<Rendering> compare(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, @RequestParam String keep,
                            @RequestParam String merge, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> compared(screen, keep, merge, List.of()));
    }

    private Mono<Rendering> compared(Console.Screen screen, String keep, String merge, List<String> problems) {
        return Mono.zip(customer(screen, keep), customer(screen, merge)).map(both -> {
            List<Map<String, Object>> fields = new ArrayList<>();
            for (String field : CHOSEN_FIELDS) {
                Object kept = both.getT1().get(field);
                Object merged = both.getT2().get(field);
                if (empty(kept) && empty(merged)) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", field);
                row.put("kept", empty(kept) ? "" : kept);
                row.put("merged", empty(merged) ? "" : merged);
                row.put("choice", !empty(kept) && !empty(merged) && !Objects.equals(kept, merged));
                fields.add(row);
            }
            return screen.show("console/merge", Map.of("kept", both.getT1(), "merged", both.getT2(), "fields", fields,
                    "keptName", CustomerNames.of(both.getT1()), "mergedName", CustomerNames.of(both.getT2()),
                    "problems", problems));
        });
    }

    @PostMapping("/admin/sites/{siteId}/merge")
    Mono<Rendering> merge(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> exchange.getFormData().flatMap(form -> {
            String keep = Forms.field(form, "keep");
            String merge = Forms.field(form, "merge");
            List<String> fromMerged = CHOSEN_FIELDS.stream().filter(field -> "merged".equals(form.getFirst(field))).toList();
            return calls.send(HttpMethod.POST, calls.customers(), "/api/v1/sites/" + siteId + "/customers/" + keep + "/merge",
                            Map.of("mergedCustomerId", merge, "fieldsFromMerged", fromMerged))
                    .thenReturn(screen.redirect(screen.base() + "/customers/" + keep + "?tab=details"))
                    .onErrorResume(ConsoleProblem.class, problem -> compared(screen, keep, merge, problem.listed()));
        }));
    }

    private Mono<Map<String, Object>> customer(Console.Screen screen, String customerId) {
        return calls.get(calls.customers(), uri -> uri.path("/api/v1/sites/{siteId}/customers/{customerId}")
                .build(screen.siteId(), customerId), ConsoleCalls.JSON);
    }

    private static boolean empty(Object value) {
        return value == null || value.toString().isBlank();
    }
}
