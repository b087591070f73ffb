package io.clientele.gateway.page;

import io.clientele.gateway.Forms;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A customer logs in to a site, then goes back to the protected page they came from ({@code returnTo}, on one of the
 * site's origins) with the session token in the address's fragment: a fragment is never sent to a server nor in a
 * {@code Referer}, and the site's page takes it from there to ask the access check. The way back is a page of its own
 * (a refresh and a link): the edge's CSP allows forms to post only to the edge itself.
 */
@Controller
class LogInPage {

    static final String SESSION_FRAGMENT = "clientele-session";

    private final PlatformCalls platform;

    LogInPage(PlatformCalls platform) {
        this.platform = platform;
    }

    @GetMapping("/sites/{siteId}/log-in")
    Rendering form(@RequestParam(required = false) String returnTo, @RequestParam(required = false) String page,
                   ServerWebExchange exchange) {
        Page shown = Pages.current(exchange);
        return shown.show("log-in", values(shown, returnTo, page, ""));
    }

    @PostMapping("/sites/{siteId}/log-in")
    Mono<Rendering> logIn(@PathVariable String siteId, ServerWebExchange exchange) {
        Page shown = Pages.current(exchange);
        return exchange.getFormData().flatMap(form -> {
            String email = Forms.field(form, "email");
            String password = Forms.field(form, "password");
            Map<String, Object> model = values(shown, form.getFirst("returnTo"), form.getFirst("page"), email);
            if (email.isEmpty() || password.isEmpty()) {
                model.put("errors", Map.of(email.isEmpty() ? "email" : "password",
                        email.isEmpty() ? "error.email.invalid" : "error.password.required"));
                return Mono.just(shown.show("log-in", model, HttpStatus.BAD_REQUEST));
            }
            return platform.toAccess(exchange.getRequest(), "/api/v1/sites/" + siteId + "/sessions",
                            Map.of("email", email, "password", password))
                    .map(outcome -> switch (outcome) {
                        case Outcome.Done done -> loggedIn(shown, model, String.valueOf(done.body().get("token")));
                        case Outcome.Denied denied -> {
                            model.put("errors", Map.of("password", denied.type().equals("account-inactive")
                                    ? "error.login.inactive" : "error.login.denied"));
                            yield shown.show("log-in", model, HttpStatus.UNAUTHORIZED);
                        }
                        case Outcome.Refused refused -> {
                            model.put("errors", Map.of("email", "error.email.invalid"));
                            yield shown.show("log-in", model, HttpStatus.BAD_REQUEST);
                        }
                        default -> shown.trouble(outcome, "log-in");
                    });
        });
    }

    private static Rendering loggedIn(Page shown, Map<String, Object> model, String token) {
        Object returnTo = model.get("returnTo");
        if (returnTo == null) {
            return shown.show("logged-in", Map.of());
        }
        return shown.show("logged-in", Map.of("next", returnTo + "#" + SESSION_FRAGMENT + "=" + token));
    }

    private static Map<String, Object> values(Page shown, String returnTo, String page, String email) {
        Map<String, Object> model = new HashMap<>();
        String onSite = ReturnAddress.onSite(returnTo, shown.site());
        if (onSite != null) {
            model.put("returnTo", onSite);
        }
        if (page != null && page.matches("[A-Za-z0-9_-]{1,64}")) {
            model.put("page", page);
        }
        model.put("email", email);
        return model;
    }
}
