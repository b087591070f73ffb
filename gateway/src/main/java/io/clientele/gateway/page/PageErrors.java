package io.clientele.gateway.page;

import io.clientele.gateway.ServiceUnavailable;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

/** The pages for a site that does not exist, or that could not be asked about. */
@ControllerAdvice(basePackageClasses = PageErrors.class)
class PageErrors {

    @ExceptionHandler(ServiceUnavailable.class)
    Rendering unavailable(ServerWebExchange exchange) {
        PageLanguage.use(exchange, Locale.ENGLISH);
        return Rendering.view("try-later").model(Map.of("errors", Map.of(), "reason", "unavailable"))
                .status(HttpStatus.SERVICE_UNAVAILABLE).build();
    }

    @ExceptionHandler(Pages.UnknownSite.class)
    Rendering unknownSite(ServerWebExchange exchange) {
        PageLanguage.use(exchange, Locale.ENGLISH);
        return Rendering.view("not-found").model(Map.of("errors", Map.of())).status(HttpStatus.NOT_FOUND).build();
    }
}
