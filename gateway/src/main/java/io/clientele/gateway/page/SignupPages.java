package io.clientele.gateway.page;

import io.clientele.gateway.Forms;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sign-ups through pages: a plain HTML form on the site's own pages posts here (no script needed; its
 * {@code Origin} must be one of the site's), and the hosted page where a visitor asks for access to a protected page.
 * Both end on a page that says what happens next, or back on the site's page ({@code returnTo}).
 */
@Controller
class SignupPages {

    private static final Set<String> FORM_CHANNELS = Set.of("NEWSLETTER", "EMAIL_SIGNUP_FORM", "ACCESS_REQUEST");

    private final PlatformCalls platform;

    SignupPages(PlatformCalls platform) {
        this.platform = platform;
    }

    @PostMapping("/sites/{siteId}/signup")
    Mono<Rendering> siteForm(ServerWebExchange exchange) {
        Page page = Pages.current(exchange);
        return exchange.getFormData().flatMap(form -> {
            String origin = exchange.getRequest().getHeaders().getOrigin();
            if (origin != null && !page.site().allows(origin) && !sameOrigin(origin, exchange)) {
                return Mono.just(page.show("signup-refused", Map.of(), HttpStatus.FORBIDDEN));
            }
            String channel = form.getFirst("channel") == null ? "EMAIL_SIGNUP_FORM" : form.getFirst("channel");
            if (!FORM_CHANNELS.contains(channel)) {
                return Mono.just(page.show("signup-refused", Map.of(), HttpStatus.BAD_REQUEST));
            }
            String returnTo = ReturnAddress.onSite(form.getFirst("returnTo"), page.site());
            return signUp(exchange, page, form, channel, Forms.field(form, "pageId"))
                    .map(outcome -> switch (outcome) {
                        case Outcome.Done done when returnTo != null -> Rendering.redirectTo(returnTo).build();
                        case Outcome.Done done -> page.show("signed-up", Map.of("channel", channel));
                        case Outcome.Refused refused -> page.show("signup-refused",
                                Map.of("fields", refused.fields()), HttpStatus.BAD_REQUEST);
                        default -> page.trouble(outcome, "none");
                    });
        });
    }

    @GetMapping("/sites/{siteId}/pages/{pageId}/request-access")
    Rendering accessForm(@PathVariable String pageId, ServerWebExchange exchange) {
        return Pages.current(exchange).show("request-access", Map.of("pageId", pageId, "form", Map.of()));
    }

    @PostMapping("/sites/{siteId}/pages/{pageId}/request-access")
    Mono<Rendering> requestAccess(@PathVariable String pageId, ServerWebExchange exchange) {
        Page page = Pages.current(exchange);
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> model = new HashMap<>(Map.of("pageId", pageId, "form", form.toSingleValueMap()));
            if (!Forms.field(form, "email").contains("@")) {
                model.put("errors", Map.of("email", "error.email.invalid"));
                return Mono.just(page.show("request-access", model, HttpStatus.BAD_REQUEST));
            }
            return signUp(exchange, page, form, "ACCESS_REQUEST", pageId)
                    .map(outcome -> switch (outcome) {
                        case Outcome.Done done -> page.show("signed-up", Map.of("channel", "ACCESS_REQUEST"));
                        case Outcome.Refused refused -> {
                            model.put("errors", fieldErrors(refused));
                            yield page.show("request-access", model, HttpStatus.BAD_REQUEST);
                        }
                        default -> page.trouble(outcome, "none");
                    });
        });
    }

    /** Where an "access approved" mail leads: the way in to the page, by logging in. */
    @GetMapping("/sites/{siteId}/pages/{pageId}")
    Rendering approved(@PathVariable String pageId, ServerWebExchange exchange) {
        return Pages.current(exchange).show("page-approved", Map.of("pageId", pageId));
    }

    private Mono<Outcome> signUp(ServerWebExchange exchange, Page page, MultiValueMap<String, String> form,
                                 String channel, String pageId) {
        Map<String, Object> signup = new HashMap<>();
        signup.put("email", Forms.field(form, "email"));
        signup.put("channel", channel);
        signup.put("locale", page.lang());
        signup.put("optIn", "on".equals(form.getFirst("optIn")) || "true".equals(form.getFirst("optIn")));
        for (String name : new String[] {"firstName", "lastName"}) {
            if (!Forms.field(form, name).isEmpty()) {
                signup.put(name, Forms.field(form, name));
            }
        }
        if (!pageId.isEmpty()) {
            signup.put("pageId", pageId);
        }
        return platform.toCustomers(exchange.getRequest(), "/api/v1/sites/" + page.site().siteId() + "/signups", signup);
    }

    private static Map<String, String> fieldErrors(Outcome.Refused refused) {
        Map<String, String> errors = new HashMap<>();
        for (String field : refused.fields()) {
            errors.put(field, field.equals("email") ? "error.email.invalid" : "error.field.invalid");
        }
        return errors;
    }

    private static boolean sameOrigin(String origin, ServerWebExchange exchange) {
        URI own = exchange.getRequest().getURI();
        return origin.equals(own.getScheme() + "://" + own.getAuthority());
    }
}
