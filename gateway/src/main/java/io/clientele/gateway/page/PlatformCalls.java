package io.clientele.gateway.page;

import io.clientele.gateway.EdgeProperties;
import io.clientele.gateway.ForwardedFor;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The pages' calls to the services' public endpoints, made for the visitor (see ForwardedFor), in the terms a page
 * shows.
 */
@Component
class PlatformCalls {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final String PROBLEMS = "https://clientele.io/problems/";

    private final WebClient clients;
    private final EdgeProperties edge;

    PlatformCalls(WebClient services, EdgeProperties edge) {
        this.clients = services;
        this.edge = edge;
    }

    Mono<Outcome> toAccess(ServerHttpRequest visitor, String path, Map<String, ?> body) {
        return post(visitor, edge.accessUrl(), path, body);
    }

    Mono<Outcome> toCustomers(ServerHttpRequest visitor, String path, Map<String, ?> body) {
        return post(visitor, edge.customerUrl(), path, body);
    }

    private Mono<Outcome> post(ServerHttpRequest visitor, URI service, String path, Map<String, ?> body) {
        return clients.post()
                .uri(service.resolve(path))
                .header(ForwardedFor.HEADER, ForwardedFor.of(visitor))
                .bodyValue(body)
                .exchangeToMono(PlatformCalls::outcome)
                .timeout(edge.serviceTimeout())
                .onErrorReturn(new Outcome.Unavailable());
    }

    private static Mono<Outcome> outcome(ClientResponse response) {
        HttpStatus status = HttpStatus.resolve(response.statusCode().value());
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(JSON).<Outcome>map(Outcome.Done::new).defaultIfEmpty(new Outcome.Done(Map.of()));
        }
        if (status == HttpStatus.TOO_MANY_REQUESTS) {
            return response.releaseBody().thenReturn(new Outcome.TooMany());
        }
        if (status == null || status.is5xxServerError()) {
            return response.releaseBody().thenReturn(new Outcome.Unavailable());
        }
        return response.bodyToMono(JSON).defaultIfEmpty(Map.of()).map(problem -> problem(status, problem));
    }

    private static Outcome problem(HttpStatus status, Map<String, Object> problem) {
        String type = String.valueOf(problem.get("type")).replace(PROBLEMS, "");
        if (type.equals("link-not-valid")) {
            return new Outcome.LinkNotValid();
        }
        if (status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN) {
            return new Outcome.Denied(type);
        }
        List<String> fields = problem.get("errors") instanceof List<?> errors
                ? errors.stream().filter(Map.class::isInstance).map(error -> String.valueOf(((Map<?, ?>) error).get("field"))).toList()
                : List.of();
        return new Outcome.Refused(type, fields);
    }
}
