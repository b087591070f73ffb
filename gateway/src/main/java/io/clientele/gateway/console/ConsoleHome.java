package io.clientele.gateway.console;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

/** Where the console starts: the customers of the collaborator's first site; and its page for an unknown address. */
@Controller
class ConsoleHome {

    @GetMapping({"/admin", "/admin/"})
    Rendering home(@AuthenticationPrincipal OidcUser user, ServerWebExchange exchange) {
        Collaborator me = Collaborator.of(user);
        if (me.sites().isEmpty()) {
            return ConsoleErrors.page("no-site", me.email(), HttpStatus.FORBIDDEN, exchange);
        }
        return Rendering.redirectTo("/admin/sites/" + me.sites().keySet().iterator().next() + "/customers").build();
    }

    @GetMapping("/admin/sites/{siteId}")
    Rendering site(@PathVariable String siteId) {
        return Rendering.redirectTo("/admin/sites/" + siteId + "/customers").build();
    }

    @GetMapping("/admin/**")
    Rendering unknown(ServerWebExchange exchange) {
        return ConsoleErrors.page("not-found", "", HttpStatus.NOT_FOUND, exchange);
    }
}
