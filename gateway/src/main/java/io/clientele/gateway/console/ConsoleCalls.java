package io.clientele.gateway.console;

import io.clientele.gateway.EdgeProperties;
import io.clientele.gateway.ServiceUnavailable;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;

/**
 * The console's calls to the services' admin APIs, each with the signed-in collaborator's access token: the
 * services decide what the collaborator may do, the console only shows it. A refusal comes back as what the console
 * shows (see ConsoleProblem); a service that does not answer, as ServiceUnavailable.
 */
@Component
class ConsoleCalls {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {
    };

    private final WebClient client;
    private final EdgeProperties edge;

    ConsoleCalls(WebClient services, ReactiveOAuth2AuthorizedClientManager authorizedClients, EdgeProperties edge) {
        ServerOAuth2AuthorizedClientExchangeFilterFunction tokens =
                new ServerOAuth2AuthorizedClientExchangeFilterFunction(authorizedClients);
        tokens.setDefaultClientRegistrationId(ConsoleSecurity.REGISTRATION);
        this.client = services.mutate().filter(tokens).build();
        this.edge = edge;
    }

    URI customers() {
        return edge.customerUrl();
    }

    URI access() {
        return edge.accessUrl();
    }

    <T> Mono<T> get(URI service, java.util.function.Function<UriBuilder, URI> uri, ParameterizedTypeReference<T> type) {
        return call(HttpMethod.GET, service, uri, null, type);
    }

    Mono<Map<String, Object>> send(HttpMethod method, URI service, String path, Object body) {
        return call(method, service, builder -> builder.path(path).build(), body, JSON);
    }

    private <T> Mono<T> call(HttpMethod method, URI service, java.util.function.Function<UriBuilder, URI> uri, Object body,
                             ParameterizedTypeReference<T> type) {
        WebClient.RequestBodySpec request = client.method(method)
                .uri(builder -> uri.apply(builder.scheme(service.getScheme()).host(service.getHost()).port(service.getPort())));
        WebClient.RequestHeadersSpec<?> sent = body == null ? request : request.bodyValue(body);
        return sent.exchangeToMono(response -> answer(response, type))
                .timeout(edge.serviceTimeout())
                .onErrorMap(error -> !(error instanceof ConsoleProblem), ServiceUnavailable::new);
    }

    private static <T> Mono<T> answer(ClientResponse response, ParameterizedTypeReference<T> type) {
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(type);
        }
        if (response.statusCode().is5xxServerError()) {
            return response.releaseBody().then(Mono.error(new ServiceUnavailable(null)));
        }
        HttpStatus status = HttpStatus.valueOf(response.statusCode().value());
        return response.bodyToMono(JSON).defaultIfEmpty(Map.of())
                .flatMap(problem -> Mono.error(new ConsoleProblem(status, problem)));
    }
}
