package io.clientele.gateway.console;

import io.clientele.gateway.Forms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The column chooser of the customers overview: the collaborator adds, removes and orders their columns, each
 * change saved for them at once.
 */
@Controller
class ColumnPages {

    private final Console console;
    private final OverviewColumns columns;
    private final FilterQueries queries;

    ColumnPages(Console console, OverviewColumns columns, FilterQueries queries) {
        this.console = console;
        this.columns = columns;
        this.queries = queries;
    }

    @GetMapping("/admin/sites/{siteId}/customers/columns")
    Mono<Rendering> chooser(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> columns.mine(siteId)
                .flatMap(chosen -> page(screen, chosen, List.of())));
    }

    @PostMapping("/admin/sites/{siteId}/customers/columns")
    Mono<Rendering> change(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> exchange.getFormData().flatMap(form -> {
            List<String> changed = changed(form);
            return columns.choose(siteId, changed)
                    .thenReturn(screen.redirect(screen.base() + "/customers/columns"))
                    .onErrorResume(ConsoleProblem.class, problem -> page(screen, form.getOrDefault("column", List.of()),
                            problem.listed()));
        }));
    }

    /** The columns as the pressed button leaves them: {@code up:i}, {@code down:i}, {@code remove:i} or {@code add}. */
    private static List<String> changed(MultiValueMap<String, String> form) {
        List<String> chosen = new ArrayList<>(form.getOrDefault("column", List.of()));
        String[] action = Forms.field(form, "action").split(":");
        int at = action.length > 1 && action[1].matches("\\d{1,2}") ? Integer.parseInt(action[1]) : -1;
        boolean within = at >= 0 && at < chosen.size();
        switch (action[0]) {
            case "up" -> {
                if (within && at > 0) {
                    chosen.add(at - 1, chosen.remove(at));
                }
            }
            case "down" -> {
                if (within && at < chosen.size() - 1) {
                    chosen.add(at + 1, chosen.remove(at));
                }
            }
            case "remove" -> {
                if (within) {
                    chosen.remove(at);
                }
            }
            case "add" -> {
                String added = Forms.field(form, "added");
                if (!added.isEmpty() && !chosen.contains(added)) {
                    chosen.add(added);
                }
            }
            default -> { }
        }
        return chosen;
    }

    private Mono<Rendering> page(Console.Screen screen, List<String> chosen, List<String> problems) {
        return queries.fields(screen.siteId()).map(fields -> screen.show("console/columns", Map.of("chosen", chosen,
                "others", fields.stream().map(field -> String.valueOf(field.get("name")))
                        .filter(name -> !chosen.contains(name) && !"metadata".equals(name)).toList(),
                "problems", problems)));
    }
}
