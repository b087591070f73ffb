package io.clientele.gateway;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every page's CSRF token is made before the page is written: Spring Security's form processor puts it in each
 * form with a {@code th:action}, and its cookie or session must be saved before the answer starts.
 */
@ControllerAdvice
class FormTokens {

    @ModelAttribute("_csrf")
    Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token != null ? token : Mono.empty();
    }
}
