package io.clientele.gateway.page;

import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

/**
 * The links in owners' mails lead into the owner console ({@code /admin/...}); until a collaborator has signed in,
 * each of them answers with the page that asks them to.
 */
@Controller
class OwnerLinks {

    @GetMapping({"/admin", "/admin/**"})
    Rendering signIn(ServerWebExchange exchange) {
        PageLanguage.use(exchange, exchange.getRequest().getHeaders().getAcceptLanguageAsLocales().stream()
                .filter(locale -> PageLanguage.SHOWN.contains(locale.getLanguage())).findFirst().orElse(Locale.ENGLISH));
        return Rendering.view("owner-sign-in")
                .model(Map.of("errors", Map.of(), "target", exchange.getRequest().getPath().value()))
                .status(HttpStatus.OK).build();
    }
}
