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
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
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

    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS = new ParameterizedTypeReference<>() {
    };
    private static final java.time.Duration UPLOAD_TIMEOUT = java.time.Duration.ofMinutes(2);

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

    URI notifications() {
        return edge.notificationUrl();
    }

    /** A file a service serves (a failure report, an export), passed on to the collaborator's browser as it comes. */
    Mono<ResponseEntity<Flux<DataBuffer>>> download(URI service, String path) {
        return download(HttpMethod.GET, service, path, null);
    }

    Mono<ResponseEntity<Flux<DataBuffer>>> download(HttpMethod method, URI service, String path, Object body) {
        WebClient.RequestBodySpec request = client.method(method).uri(service.resolve(path));
        return (body == null ? request : request.bodyValue(body)).retrieve()
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

    /**
     * A stream of server-sent events a service sends (an import's progress), passed on as it comes; it ends when the
     * service ends it or the browser goes away.
     */
    Flux<ServerSentEvent<String>> events(URI service, String path) {
        return client.get().uri(service.resolve(path)).accept(MediaType.TEXT_EVENT_STREAM).retrieve()
                .onStatus(status -> !status.is2xxSuccessful(), ConsoleCalls::refusal)
                .bodyToFlux(EVENTS);
    }

    <T> Mono<T> get(URI service, java.util.function.Function<UriBuilder, URI> uri, ParameterizedTypeReference<T> type) {
        return answered(client.get()
                .uri(builder -> uri.apply(builder.scheme(service.getScheme()).host(service.getHost()).port(service.getPort()))), type);
    }

    /** @param path the path, with its query if any, encoded */
    Mono<Map<String, Object>> send(HttpMethod method, URI service, String path, Object body) {
        WebClient.RequestBodySpec request = client.method(method).uri(service.resolve(path));
        return answered(body == null ? request : request.bodyValue(body), JSON);
    }

    /**
     * A file the collaborator chose (an upload to inspect), passed on to the service as it comes. The service reads
     * the whole file before it answers (200,000 rows take a while), so the call waits longer than others.
     */
    Mono<Map<String, Object>> upload(URI service, String path, FilePart file) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.asyncPart("file", file.content(), DataBuffer.class).filename(file.filename())
                .contentType(MediaType.APPLICATION_OCTET_STREAM);
        return client.post().uri(service.resolve(path)).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(parts.build()))
                .exchangeToMono(response -> answer(response, JSON))
                .transform(call -> guarded(call, UPLOAD_TIMEOUT));
    }

    private <T> Mono<T> answered(WebClient.RequestHeadersSpec<?> request, ParameterizedTypeReference<T> type) {
        return request.exchangeToMono(response -> answer(response, type)).transform(this::guarded);
    }

    /** A service that does not answer in time, or fails otherwise than by refusing, is out of order. */
    private <T> Mono<T> guarded(Mono<T> call) {
        return guarded(call, edge.serviceTimeout());
    }

    private static <T> Mono<T> guarded(Mono<T> call, java.time.Duration timeout) {
        return call.timeout(timeout).onErrorMap(error -> !(error instanceof ConsoleProblem), ServiceUnavailable::new);
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
