package io.clientele.gateway.console;

import io.clientele.gateway.ServiceUnavailable;
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
        String reason = switch (problem.status()) {
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            default -> "refused";
        };
        return page(reason, problem.detail(), problem.status(), exchange);
    }

    @ExceptionHandler(ServiceUnavailable.class)
    Rendering unavailable(ServerWebExchange exchange) {
        return page("unavailable", "", HttpStatus.SERVICE_UNAVAILABLE, exchange);
    }

    /** The console's page for what cannot be shown: {@code reason} names its title and text. */
    static Rendering page(String reason, String detail, HttpStatus status, ServerWebExchange exchange) {
        return Rendering.view("console/problem").model(Map.of("reason", reason, "detail", detail,
                "lang", ConsoleLanguage.choose(exchange).getLanguage())).status(status).build();
    }
}
