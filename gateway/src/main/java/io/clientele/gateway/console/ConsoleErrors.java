package io.clientele.gateway.console;

import io.clientele.gateway.ServiceUnavailable;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a collaborator sees when a service refuses or does not answer: the service's own words, with the status it
 * gave.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
class ConsoleErrors {

    @ExceptionHandler(ConsoleProblem.class)
    Rendering refused(ConsoleProblem problem, ServerWebExchange exchange) {
        Locale language = ConsoleLanguage.choose(exchange);
        String reason = switch (problem.status()) {
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            default -> "refused";
        };
        return Rendering.view("console/problem").model(Map.of("reason", reason, "detail", problem.detail(),
                "lang", language.getLanguage())).status(problem.status()).build();
    }

    @ExceptionHandler(ServiceUnavailable.class)
    Rendering unavailable(ServerWebExchange exchange) {
        Locale language = ConsoleLanguage.choose(exchange);
        return Rendering.view("console/problem").model(Map.of("reason", "unavailable", "detail", "",
                "lang", language.getLanguage())).status(HttpStatus.SERVICE_UNAVAILABLE).build();
    }
}
