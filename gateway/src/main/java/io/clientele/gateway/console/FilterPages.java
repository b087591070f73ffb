package io.clientele.gateway.console;

import io.clientele.gateway.Forms;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Filters: conditions in AND/OR groups built on one page, the customers they find, saved filters opened, renamed,
 * copied and deleted, and what a filter finds exported. The builder works without scripts (each button posts the
 * form); htmx only refreshes it when a condition's field changes, to offer that field's operators.
 */
@Controller
class FilterPages {

    private static final Set<String> EXPORT_FORMATS = Set.of("csv", "xlsx");

    private final Console console;
    private final ConsoleCalls calls;
    private final FilterQueries queries;
    private final OverviewColumns columns;

    FilterPages(Console console, ConsoleCalls calls, FilterQueries queries, OverviewColumns columns) {
        this.console = console;
        this.calls = calls;
        this.queries = queries;
        this.columns = columns;
    }

    /** An empty filter; {@code ?group=NAME} starts it with that group's members, shown. */
    @GetMapping("/admin/sites/{siteId}/filters")
    Mono<Rendering> builder(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                            @RequestParam(required = false) String group, ServerWebExchange exchange) {
        boolean inGroup = group != null && !group.isBlank();
        FilterForm filter = inGroup ? FilterForm.inGroup(group.strip()) : FilterForm.empty();
        return console.open(user, siteId, exchange).flatMap(screen -> page(screen, null, filter, inGroup, List.of()));
    }

    @GetMapping("/admin/sites/{siteId}/filters/{filterId}")
    Mono<Rendering> saved(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, @PathVariable String filterId,
                          ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> savedFilter(screen, filterId)
                .flatMap(saved -> page(screen, saved, FilterForm.of(query(saved)), true, List.of())));
    }

    /** The builder's buttons: add or remove a condition or a group, show the customers found, save. */
    @PostMapping({"/admin/sites/{siteId}/filters", "/admin/sites/{siteId}/filters/{filterId}"})
    Mono<Rendering> act(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                        @PathVariable(required = false) String filterId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> exchange.getFormData().flatMap(form -> {
            Mono<Map<String, Object>> saved = filterId == null ? Mono.just(Map.of()) : savedFilter(screen, filterId);
            return saved.flatMap(current -> act(screen, current.isEmpty() ? null : current, form));
        }));
    }

    private Mono<Rendering> act(Console.Screen screen, Map<String, Object> saved, MultiValueMap<String, String> form) {
        FilterForm filter = FilterForm.read(form);
        String[] action = Forms.field(form, "action").split(":");
        return switch (action[0]) {
            case "add-condition" -> page(screen, saved, filter.withCondition(index(action, 1)), false, List.of());
            case "add-group" -> page(screen, saved, filter.withGroup(), false, List.of());
            case "remove" -> page(screen, saved, filter.without(index(action, 1), index(action, 2)), false, List.of());
            case "refresh" -> page(screen, saved, filter, false, List.of());
            case "save" -> queries.query(screen.siteId(), filter)
                    .flatMap(query -> calls.send(HttpMethod.POST, calls.customers(), savedFilters(screen),
                            Map.of("name", Forms.field(form, "name"), "query", query)))
                    .map(created -> screen.redirect(screen.base() + "/filters/" + created.get("id")))
                    .onErrorResume(ConsoleProblem.class, problem -> page(screen, saved, filter, false, problem.listed()));
            case "update" -> saved == null ? page(screen, null, filter, true, List.of()) : queries.query(screen.siteId(), filter)
                    .flatMap(query -> calls.send(HttpMethod.PATCH, calls.customers(), savedFilters(screen) + "/" + saved.get("id"),
                            Map.of("query", query)))
                    .map(changed -> screen.redirect(screen.base() + "/filters/" + changed.get("id")))
                    .onErrorResume(ConsoleProblem.class, problem -> page(screen, saved, filter, false, problem.listed()));
            default -> page(screen, saved, filter, true, List.of());
        };
    }

    @PostMapping("/admin/sites/{siteId}/filters/{filterId}/rename")
    Mono<Rendering> rename(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, @PathVariable String filterId,
                           ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> exchange.getFormData().flatMap(form -> calls.send(
                        HttpMethod.PATCH, calls.customers(), savedFilters(screen) + "/" + filterId, Map.of("name", Forms.field(form, "name")))
                .map(renamed -> screen.redirect(screen.base() + "/filters/" + filterId))
                .onErrorResume(ConsoleProblem.class, problem -> savedFilter(screen, filterId)
                        .flatMap(saved -> page(screen, saved, FilterForm.of(query(saved)), false, problem.listed())))));
    }

    @PostMapping("/admin/sites/{siteId}/filters/{filterId}/copy")
    Mono<Rendering> copy(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, @PathVariable String filterId,
                         ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> exchange.getFormData().flatMap(form -> calls.send(
                        HttpMethod.POST, calls.customers(), savedFilters(screen) + "/" + filterId + "/copy",
                        Map.of("name", Forms.field(form, "name")))
                .map(copied -> screen.redirect(screen.base() + "/filters/" + copied.get("id")))
                .onErrorResume(ConsoleProblem.class, problem -> savedFilter(screen, filterId)
                        .flatMap(saved -> page(screen, saved, FilterForm.of(query(saved)), false, problem.listed())))));
    }

    @PostMapping("/admin/sites/{siteId}/filters/{filterId}/delete")
    Mono<Rendering> delete(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, @PathVariable String filterId,
                           ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> calls.send(HttpMethod.DELETE, calls.customers(),
                        savedFilters(screen) + "/" + filterId, null)
                .thenReturn(screen.redirect(screen.base() + "/filters")));
    }

    /** What the builder's filter finds, as a CSV or XLSX file with every column. */
    @PostMapping("/admin/sites/{siteId}/filters/export")
    Mono<ResponseEntity<Flux<DataBuffer>>> export(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                                                  ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> exchange.getFormData().flatMap(form -> {
            String format = EXPORT_FORMATS.contains(Forms.field(form, "format")) ? Forms.field(form, "format") : "csv";
            return queries.query(siteId, FilterForm.read(form)).flatMap(query -> calls.download(HttpMethod.POST, calls.customers(),
                    "/api/v1/sites/" + siteId + "/customers/export", Map.of("query", query, "format", format)));
        }));
    }

    @GetMapping("/admin/sites/{siteId}/filters/{filterId}/export.{format}")
    Mono<ResponseEntity<Flux<DataBuffer>>> exportSaved(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                                                       @PathVariable String filterId, @PathVariable String format,
                                                       ServerWebExchange exchange) {
        if (!EXPORT_FORMATS.contains(format)) {
            return Mono.error(ConsoleProblem.notFound());
        }
        return console.open(user, siteId, exchange).flatMap(screen -> calls.download(calls.customers(),
                savedFilters(screen) + "/" + filterId + "/export?format=" + format));
    }

    /**
     * The builder with the site's saved filters beside it; with the customers the filter finds when {@code run}.
     * A query the API refuses is shown with what it said.
     */
    private Mono<Rendering> page(Console.Screen screen, Map<String, Object> saved, FilterForm filter, boolean run,
                                 List<String> problems) {
        return Mono.zip(queries.fields(screen.siteId()), calls.get(calls.customers(),
                        uri -> uri.path("/api/v1/sites/{siteId}/saved-filters").build(screen.siteId()), ConsoleCalls.JSON_LIST),
                        columns.mine(screen.siteId()))
                .flatMap(found -> {
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("form", filter);
                    model.put("fields", found.getT1());
                    model.put("operators", operators(found.getT1()));
                    model.put("kinds", FilterQueries.kinds(found.getT1()));
                    model.put("savedFilters", found.getT2());
                    model.put("current", saved == null ? Map.of() : saved);
                    model.put("action", saved == null ? screen.base() + "/filters" : screen.base() + "/filters/" + saved.get("id"));
                    model.put("problems", problems);
                    model.put("ran", false);
                    if (!run || !problems.isEmpty()) {
                        return Mono.just(screen.show("console/filters", model));
                    }
                    Map<String, Object> query = new LinkedHashMap<>(filter.query(FilterQueries.kinds(found.getT1())));
                    query.put("fields", found.getT3());
                    return calls.send(HttpMethod.POST, calls.customers(), "/api/v1/sites/" + screen.siteId()
                                    + "/customers/search?limit=50", query)
                            .map(result -> {
                                model.put("ran", true);
                                model.put("customers", result.get("items"));
                                model.put("columns", found.getT3());
                                model.put("rows", OverviewColumns.cells(result.get("items"), found.getT3()));
                                model.put("total", result.get("total"));
                                return screen.show("console/filters", model);
                            })
                            .onErrorResume(ConsoleProblem.class, problem -> {
                                model.put("problems", problem.listed());
                                return Mono.just(screen.show("console/filters", model));
                            });
                });
    }

    private Mono<Map<String, Object>> savedFilter(Console.Screen screen, String filterId) {
        return calls.get(calls.customers(), uri -> uri.path("/api/v1/sites/{siteId}/saved-filters/{id}")
                .build(screen.siteId(), filterId), ConsoleCalls.JSON);
    }

    private static String savedFilters(Console.Screen screen) {
        return "/api/v1/sites/" + screen.siteId() + "/saved-filters";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> query(Map<String, Object> saved) {
        return saved.get("query") instanceof Map<?, ?> query ? (Map<String, Object>) query : Map.of();
    }

    /** Each field's operators; a condition whose field is not chosen yet offers them all. */
    private static Map<String, Object> operators(List<Map<String, Object>> fields) {
        Map<String, Object> operators = new LinkedHashMap<>();
        java.util.SortedSet<String> all = new java.util.TreeSet<>();
        fields.forEach(field -> {
            operators.put(String.valueOf(field.get("name")), field.get("operators"));
            if (field.get("operators") instanceof List<?> ops) {
                ops.forEach(op -> all.add(String.valueOf(op)));
            }
        });
        operators.put("", List.copyOf(all));
        return operators;
    }

    private static int index(String[] action, int at) {
        try {
            return at < action.length ? Integer.parseInt(action[at]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
