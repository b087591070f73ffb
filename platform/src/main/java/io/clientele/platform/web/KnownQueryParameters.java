package io.clientele.platform.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a query parameter the endpoint does not read, with 400 naming it and the ones it knows: a misspelt filter
 * ({@code customerID=}, {@code statu=}) must not quietly answer everything. Runs after security, so that a stranger
 * learns nothing of an endpoint's parameters.
 */
public class KnownQueryParameters implements WebFilter, Ordered {

    private static final Set<String> ANY = Set.of();

    private final RequestMappingHandlerMapping mapping;
    private final Map<HandlerMethod, Set<String>> known = new ConcurrentHashMap<>();

    public KnownQueryParameters(RequestMappingHandlerMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getQueryParams().isEmpty()) {
            return chain.filter(exchange);
        }
        return mapping.getHandler(exchange)
                .filter(HandlerMethod.class::isInstance).cast(HandlerMethod.class)
                .map(handler -> unknown(exchange, handler))
                .defaultIfEmpty(List.of())
                .flatMap(unknown -> unknown.isEmpty() ? chain.filter(exchange)
                        : ProblemResponses.write(exchange, ProblemException.invalidFields(unknown).getBody()));
    }

    private List<ProblemException.FieldError> unknown(ServerWebExchange exchange, HandlerMethod handler) {
        Set<String> names = known.computeIfAbsent(handler, KnownQueryParameters::parametersOf);
        if (names == ANY) {
            return List.of();
        }
        return exchange.getRequest().getQueryParams().keySet().stream().filter(name -> !names.contains(name)).sorted()
                .map(name -> new ProblemException.FieldError(name, names.isEmpty() ? "is not a parameter of this endpoint"
                        : "is not a parameter of this endpoint; known: " + names))
                .toList();
    }

    private static Set<String> parametersOf(HandlerMethod handler) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            if (annotation == null) {
                continue;
            }
            if (Map.class.isAssignableFrom(parameter.getParameterType())) {
                return ANY;
            }
            String name = !annotation.name().isEmpty() ? annotation.name()
                    : !annotation.value().isEmpty() ? annotation.value() : parameter.getParameterName();
            names.add(name);
        }
        return names;
    }
}
