package io.clientele.gateway.route;

import io.clientele.gateway.ServiceUnavailable;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A routed request whose service cannot be reached (down, restarting, timed out) is a 503 problem with
 * {@code Retry-After}, as a service's own overload would be, not the 500 the gateway answers by default.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreachableService implements WebExceptionHandler {

    private static final byte[] PROBLEM = """
            {"type":"https://clientele.io/problems/service-unavailable","title":"Service unavailable","status":503,\
            "detail":"This part of the platform does not answer just now. Nothing was changed; try again in a moment."}"""
            .getBytes(StandardCharsets.UTF_8);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (!unreachable(error) || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(PROBLEM)));
    }

    private static boolean unreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServiceUnavailable || cause instanceof ConnectException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
