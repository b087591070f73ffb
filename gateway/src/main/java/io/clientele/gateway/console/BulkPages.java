package io.clientele.gateway.console;

import io.clientele.gateway.Forms;
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
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Batch work on what a filter finds: a change (fields set, tags and groups added or removed) and a deletion, which
 * customer-service counts first and runs only when the owner ticks the statement and says why; then the job's
 * progress, followed live.
 */
@Controller
class BulkPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> QUERY = new TypeReference<>() {
    };
    /** What a batch change may set: a customer's own identities (e-mail, external ids) are changed one by one. */
    static final List<String> SETTABLE = List.of("status", "preferredContentType", "locale", "country", "organization",
            "accountActive");

    private final Console console;
    private final ConsoleCalls calls;
    private final FilterQueries queries;

    BulkPages(Console console, ConsoleCalls calls, FilterQueries queries) {
        this.console = console;
        this.calls = calls;
        this.queries = queries;
    }

    @PostMapping("/admin/sites/{siteId}/bulk-deletions/preview")
    Mono<Rendering> previewDeletion(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                                    ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> exchange.getFormData()
                .flatMap(form -> queries.query(siteId, FilterForm.read(form)))
                .flatMap(query -> calls.send(HttpMethod.POST, calls.customers(),
                        "/api/v1/sites/" + siteId + "/customers/bulk-deletions/preview", Map.of("query", query)))
                .map(preview -> screen.show("console/bulk-delete", Map.of("count", preview.get("count"),
                        "token", preview.get("token"), "expiresAt", preview.get("expiresAt"), "notTicked", false,
                        "reason", "", "problems", List.of()))));
    }

    @PostMapping("/admin/sites/{siteId}/bulk-deletions")
    Mono<Rendering> delete(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> exchange.getFormData().flatMap(form -> {
            Map<String, Object> again = new LinkedHashMap<>(Map.of("count", Forms.field(form, "count"),
                    "token", Forms.field(form, "token"), "expiresAt", Forms.field(form, "expiresAt"),
                    "reason", Forms.field(form, "reason"), "notTicked", false, "problems", List.of()));
            if (!"yes".equals(form.getFirst("statement"))) {
                again.put("notTicked", true);
                return Mono.just(screen.show("console/bulk-delete", again));
            }
            return calls.send(HttpMethod.POST, calls.customers(), "/api/v1/sites/" + siteId + "/customers/bulk-deletions",
                            Map.of("token", Forms.field(form, "token"), "reason", Forms.field(form, "reason")))
                    .map(job -> screen.redirect(screen.base() + "/bulk-jobs/" + job.get("id")))
                    .onErrorResume(ConsoleProblem.class, problem -> {
                        again.put("problems", problem.listed());
                        return Mono.just(screen.show("console/bulk-delete", again));
                    });
        }));
    }

    @PostMapping("/admin/sites/{siteId}/bulk-changes/new")
    Mono<Rendering> newChange(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> exchange.getFormData()
                .flatMap(form -> queries.query(siteId, FilterForm.read(form)))
                .flatMap(query -> changePage(screen, query, Map.of(), List.of())));
    }

    private Mono<Rendering> changePage(Console.Screen screen, Map<String, Object> query, Map<String, String> values,
                                       List<String> problems) {
        return calls.send(HttpMethod.POST, calls.customers(), "/api/v1/sites/" + screen.siteId() + "/customers/count", query)
                .map(count -> screen.show("console/bulk-change", Map.of("count", count.get("total"),
                        "query", JSON.writeValueAsString(query), "settable", SETTABLE, "values", values, "problems", problems)));
    }

    @PostMapping("/admin/sites/{siteId}/bulk-changes")
    Mono<Rendering> change(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> exchange.getFormData().flatMap(form -> {
            Map<String, Object> query = JSON.readValue(form.getFirst("query") == null ? "{}" : form.getFirst("query"), QUERY);
            Map<String, Object> change = new LinkedHashMap<>();
            String field = Forms.field(form, "setField");
            if (SETTABLE.contains(field)) {
                String value = Forms.field(form, "setValue");
                change.put("set", java.util.Collections.singletonMap(field, value.isEmpty() ? null
                        : "accountActive".equals(field) ? Boolean.valueOf(value) : value));
            }
            for (String list : List.of("addTags", "removeTags", "addGroups", "removeGroups")) {
                change.put(list, Forms.commaSeparated(form, list));
            }
            change.put("query", query);
            return calls.send(HttpMethod.POST, calls.customers(), "/api/v1/sites/" + siteId + "/customers/bulk-changes", change)
                    .map(job -> screen.redirect(screen.base() + "/bulk-jobs/" + job.get("id")))
                    .onErrorResume(ConsoleProblem.class, problem -> changePage(screen, query,
                            form.toSingleValueMap(), problem.listed()));
        }));
    }

    @GetMapping("/admin/sites/{siteId}/bulk-jobs/{jobId}")
    Mono<Rendering> job(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, @PathVariable String jobId,
                        ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> calls.get(calls.customers(),
                        uri -> uri.path("/api/v1/sites/{siteId}/bulk-jobs/{jobId}").build(siteId, jobId), ConsoleCalls.JSON)
                .map(job -> screen.show("console/bulk-job", Map.of("job", job,
                        "running", !"FINISHED".equals(job.get("status"))))));
    }
}
