package io.clientele.gateway.page;

import io.clientele.gateway.Forms;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The links whose page is one button: the double opt-in's confirmation and an app registration's e-mail
 * verification. Opening the link shows the button, and only pressing it acts: mail scanners open links before the
 * reader does, and an effect on opening would be theirs.
 */
@Controller
class ButtonLinkPages {

    /** One such link: its page's messages, the endpoint its token goes to, and the next step once it is used. */
    private record ButtonLink(String messages, String action, String service, String endpoint, String nextStep) {
    }

    private static final ButtonLink CONFIRM_EMAIL = new ButtonLink("confirm", "confirm-email", "customers",
            "consent-confirmations", "sign-up-again");
    private static final ButtonLink VERIFY_EMAIL = new ButtonLink("verify", "verify-email", "access",
            "email-verifications", "log-in");

    private final PlatformCalls platform;

    ButtonLinkPages(PlatformCalls platform) {
        this.platform = platform;
    }

    @GetMapping("/sites/{siteId}/confirm-email")
    Rendering confirmEmail(@RequestParam(required = false) String token, ServerWebExchange exchange) {
        return button(CONFIRM_EMAIL, token, exchange);
    }

    @PostMapping("/sites/{siteId}/confirm-email")
    Mono<Rendering> emailConfirmed(@PathVariable String siteId, ServerWebExchange exchange) {
        return press(CONFIRM_EMAIL, siteId, exchange);
    }

    @GetMapping("/sites/{siteId}/verify-email")
    Rendering verifyEmail(@RequestParam(required = false) String token, ServerWebExchange exchange) {
        return button(VERIFY_EMAIL, token, exchange);
    }

    @PostMapping("/sites/{siteId}/verify-email")
    Mono<Rendering> emailVerified(@PathVariable String siteId, ServerWebExchange exchange) {
        return press(VERIFY_EMAIL, siteId, exchange);
    }

    private static Rendering button(ButtonLink link, String token, ServerWebExchange exchange) {
        Page page = Pages.current(exchange);
        return token == null || token.isBlank() ? page.trouble(new Outcome.LinkNotValid(), link.nextStep())
                : page.show("button-link", Map.of("messages", link.messages(), "action", link.action(), "token", token));
    }

    private Mono<Rendering> press(ButtonLink link, String siteId, ServerWebExchange exchange) {
        Page page = Pages.current(exchange);
        String endpoint = "/api/v1/sites/" + siteId + "/" + link.endpoint();
        return exchange.getFormData()
                .flatMap(form -> {
                    Map<String, String> body = Map.of("token", Forms.field(form, "token"));
                    return link.service().equals("access") ? platform.toAccess(exchange.getRequest(), endpoint, body)
                            : platform.toCustomers(exchange.getRequest(), endpoint, body);
                })
                .map(outcome -> outcome instanceof Outcome.Done
                        ? page.show("button-link-done", Map.of("messages", link.messages()))
                        : page.trouble(outcome instanceof Outcome.Refused ? new Outcome.LinkNotValid() : outcome,
                                link.nextStep()));
    }
}
