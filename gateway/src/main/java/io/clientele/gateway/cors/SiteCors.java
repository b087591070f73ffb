package io.clientele.gateway.cors;

import io.clientele.gateway.site.SiteProfile;
import io.clientele.gateway.site.SiteProfiles;
import java.time.Duration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS per site: a request to a public endpoint from one of the site's {@code allowedOrigins} gets the
 * {@code Access-Control-Allow-*} headers, a preflight is answered here; a request from any other origin is refused
 * (403) with no CORS header. Requests without an {@code Origin} (apps, servers) pass. Spring's {@code CorsWebFilter}
 * cannot be used as is: its configuration source is synchronous, and a site's origins are looked up.
 */
@Component
class SiteCors implements WebFilter, Ordered {

    private static final List<String> METHODS = List.of("GET", "POST", "DELETE");
    private static final List<String> HEADERS = List.of("Authorization", "Content-Type", "Accept", "Accept-Language");
    private static final List<String> EXPOSED = List.of("Retry-After", "Location");

    private final SiteProfiles sites;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();

    SiteCors(SiteProfiles sites) {
        this.sites = sites;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return PublicEndpoints.siteOf(exchange.getRequest().getPath().pathWithinApplication())
                .map(siteId -> sites.find(siteId)
                        .map(SiteCors::configuration)
                        .defaultIfEmpty(new CorsConfiguration())
                        .flatMap(configuration -> answer(exchange, chain, configuration)))
                .orElseGet(() -> CorsUtils.isPreFlightRequest(exchange.getRequest()) ? refused(exchange) : chain.filter(exchange));
    }

    private Mono<Void> answer(ServerWebExchange exchange, WebFilterChain chain, CorsConfiguration configuration) {
        boolean allowed = processor.process(configuration, exchange);
        if (!allowed || CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return exchange.getResponse().setComplete();
        }
        return chain.filter(exchange);
    }

    /** A preflight for an endpoint that is not public: no CORS header, whatever the origin. */
    private static Mono<Void> refused(ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
        exchange.getResponse().getHeaders().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        return exchange.getResponse().setComplete();
    }

    private static CorsConfiguration configuration(SiteProfile site) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(site.allowedOrigins());
        configuration.setAllowedMethods(METHODS);
        configuration.setAllowedHeaders(HEADERS);
        configuration.setExposedHeaders(EXPOSED);
        // Sessions travel as bearer tokens, never as cookies, so credentials are not allowed.
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(Duration.ofMinutes(10));
        return configuration;
    }
}
