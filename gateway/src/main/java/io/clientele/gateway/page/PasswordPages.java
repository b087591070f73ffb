package io.clientele.gateway.page;

import io.clientele.gateway.Forms;
import java.util.LinkedHashMap;
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
 * Choosing a password: the invitation's link (set your password) and the reset link (choose a new one) open the same
 * form, which posts the link's token with the password; and the form that mails a reset link.
 */
@Controller
class PasswordPages {

    private final PlatformCalls platform;

    PasswordPages(PlatformCalls platform) {
        this.platform = platform;
    }

    /** The form, once the link is known to be still good: a used or expired one says so before a password is typed. */
    @GetMapping({"/sites/{siteId}/set-password", "/sites/{siteId}/reset-password"})
    Mono<Rendering> passwordForm(@PathVariable String siteId, @RequestParam(required = false) String token,
                                 ServerWebExchange exchange) {
        Page page = Pages.current(exchange);
        if (token == null || token.isBlank()) {
            return Mono.just(page.trouble(new Outcome.LinkNotValid(), "forgot-password"));
        }
        return platform.toAccess(exchange.getRequest(), "/api/v1/sites/" + siteId + "/links/status", Map.of("token", token))
                .map(outcome -> switch (outcome) {
                    case Outcome.Done done when Boolean.TRUE.equals(done.body().get("valid")) ->
                            page.show("password-form", Map.of("mode", mode(exchange), "token", token));
                    case Outcome.Done notValid -> page.trouble(new Outcome.LinkNotValid(), "forgot-password");
                    case Outcome.Refused refused -> page.trouble(new Outcome.LinkNotValid(), "forgot-password");
                    default -> page.trouble(outcome, "forgot-password");
                });
    }

    @PostMapping({"/sites/{siteId}/set-password", "/sites/{siteId}/reset-password"})
    Mono<Rendering> choosePassword(@PathVariable String siteId, ServerWebExchange exchange) {
        Page page = Pages.current(exchange);
        return exchange.getFormData().flatMap(form -> {
            String token = Forms.field(form, "token");
            String password = Forms.field(form, "password");
            Map<String, Object> model = new LinkedHashMap<>(Map.of("mode", mode(exchange), "token", token));
            if (password.isEmpty() || !password.equals(Forms.field(form, "confirmPassword"))) {
                model.put("errors", Map.of(password.isEmpty() ? "password" : "confirmPassword",
                        password.isEmpty() ? "error.password.required" : "error.password.mismatch"));
                return Mono.just(page.show("password-form", model, HttpStatus.BAD_REQUEST));
            }
            return platform.toAccess(exchange.getRequest(), "/api/v1/sites/" + siteId + "/password",
                            Map.of("token", token, "password", password))
                    .map(outcome -> switch (outcome) {
                        case Outcome.Done done -> page.show("password-done");
                        case Outcome.Refused refused when refused.fields().contains("password") -> {
                            model.put("errors", Map.of("password", "error.password.policy"));
                            yield page.show("password-form", model, HttpStatus.BAD_REQUEST);
                        }
                        default -> page.trouble(outcome, "forgot-password");
                    });
        });
    }

    @GetMapping("/sites/{siteId}/forgot-password")
    Rendering forgotPassword(ServerWebExchange exchange) {
        return Pages.current(exchange).show("forgot-password", Map.of("email", ""));
    }

    @PostMapping("/sites/{siteId}/forgot-password")
    Mono<Rendering> sendResetLink(@PathVariable String siteId, ServerWebExchange exchange) {
        Page page = Pages.current(exchange);
        return exchange.getFormData().flatMap(form -> {
            String email = Forms.field(form, "email");
            Rendering refused = page.show("forgot-password", Map.of("email", email,
                    "errors", Map.of("email", "error.email.invalid")), HttpStatus.BAD_REQUEST);
            if (!email.contains("@")) {
                return Mono.just(refused);
            }
            return platform.toAccess(exchange.getRequest(), "/api/v1/sites/" + siteId + "/password-resets",
                            Map.of("email", email))
                    .map(outcome -> switch (outcome) {
                        case Outcome.Done done -> page.show("forgot-password-sent", Map.of("email", email));
                        case Outcome.Refused invalid -> refused;
                        default -> page.trouble(outcome, "forgot-password");
                    });
        });
    }

    private static String mode(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value().endsWith("/set-password") ? "set" : "reset";
    }
}
