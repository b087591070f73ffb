package io.clientele.gateway.console;

import io.clientele.gateway.EdgeProperties;
import io.clientele.gateway.ServiceUnavailable;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Flux;
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

    URI imports() {
        return edge.importUrl();
    }

    /** A file a service serves (a failure report), passed on to the collaborator's browser as it comes. */
    Mono<ResponseEntity<Flux<DataBuffer>>> download(URI service, String path) {
        return client.get().uri(service.resolve(path)).retrieve()
                .onStatus(status -> !status.is2xxSuccessful(), ConsoleCalls::refusal)
                .toEntityFlux(DataBuffer.class)
                .map(file -> {
                    ResponseEntity.BodyBuilder passed = ResponseEntity.ok();
                    for (String header : List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_DISPOSITION)) {
                        file.getHeaders().getOrEmpty(header).forEach(value -> passed.header(header, value));
                    }
                    return passed.body(file.getBody());
                })
                .transform(this::guarded);
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
        return sent.exchangeToMono(response -> answer(response, type)).transform(this::guarded);
    }

    /** A service that does not answer in time, or fails otherwise than by refusing, is out of order. */
    private <T> Mono<T> guarded(Mono<T> call) {
        return call.timeout(edge.serviceTimeout()).onErrorMap(error -> !(error instanceof ConsoleProblem), ServiceUnavailable::new);
    }

    private static <T> Mono<T> answer(ClientResponse response, ParameterizedTypeReference<T> type) {
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(type);
        }
        return refusal(response).flatMap(Mono::error);
    }

    /** What an answer other than a success means: a refusal in the service's words, or a service out of order. */
    private static Mono<Throwable> refusal(ClientResponse response) {
        if (response.statusCode().is5xxServerError()) {
            return response.releaseBody().thenReturn(new ServiceUnavailable(null));
        }
        HttpStatus status = HttpStatus.valueOf(response.statusCode().value());
        return response.bodyToMono(JSON).defaultIfEmpty(Map.of()).map(problem -> new ConsoleProblem(status, problem));
    }
}
