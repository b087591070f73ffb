package io.clientele.access.check;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import io.clientele.access.session.BearerToken;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Asked by the site's pages, many times a second: may the visitor holding this session token see this page? The
 * hottest path of the service, so it is a functional route that answers one of a few JSON bodies written once,
 * without the annotated controllers' argument resolution and content negotiation.
 */
@Configuration(proxyBeanMethods = false)
class AccessCheckRoute {

    static final String PATH = "/api/v1/sites/{siteId}/pages/{pageId}/access";

    @Bean
    RouterFunction<ServerResponse> accessCheckRouter(AccessCheck check) {
        Map<AccessReason, byte[]> bodies = new EnumMap<>(AccessReason.class);
        for (AccessReason reason : AccessReason.values()) {
            bodies.put(reason, ("{\"allowed\":" + reason.allows() + ",\"reason\":\"" + reason + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        return RouterFunctions.route(GET(PATH), request -> check.check(request.pathVariable("siteId"),
                        request.pathVariable("pageId"), bearerToken(request))
                .flatMap(reason -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(bodies.get(reason))));
    }

    private static String bearerToken(ServerRequest request) {
        return BearerToken.of(request.headers().firstHeader(HttpHeaders.AUTHORIZATION));
    }
}
