package io.clientele.platform.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import io.clientele.platform.web.ProblemResponses;
import io.clientele.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import reactor.core.publisher.Mono;

/**
 * Admin endpoints under {@code /api/v1/sites/{siteId}} need a bearer JWT that grants a role on that site (see
 * SiteGrant) which allows the request (see SiteRole): a viewer reads (GET, HEAD and the configured read paths),
 * an editor does the rest but the configured owner paths, which are the owner's alone. The configured public paths,
 * actuator and the OpenAPI document need no token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SiteSecurityProperties.class)
public class SiteSecurityConfiguration {

    @Bean
    SecurityWebFilterChain siteSecurity(ServerHttpSecurity http, SiteSecurityProperties properties) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers("/actuator/**", "/v3/api-docs/**").permitAll();
                    exchanges.matchers(publicPaths(properties)).permitAll();
                    RoleRules roles = new RoleRules(RequestRules.matcher(properties.ownerPaths()),
                            RequestRules.matcher(properties.readPaths()));
                    exchanges.pathMatchers("/api/v1/sites/{siteId}", "/api/v1/sites/{siteId}/**")
                            .access((authentication, context) -> tokenAllows(authentication, context, roles));
                    exchanges.anyExchange().denyAll();
                })
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(SiteSecurityConfiguration::unauthorized)
                        .accessDeniedHandler(SiteSecurityConfiguration::forbidden))
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(bearerTokensOutside(publicPaths(properties)))
                        .authenticationEntryPoint(SiteSecurityConfiguration::unauthorized)
                        .accessDeniedHandler(SiteSecurityConfiguration::forbidden)
                        .jwt(jwt -> { }))
                .build();
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException error) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return ProblemResponses.write(exchange, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "This endpoint needs a valid admin bearer token (signed, not expired, with an expiry)."));
    }

    private static Mono<Void> forbidden(ServerWebExchange exchange, AccessDeniedException error) {
        return ProblemResponses.write(exchange, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "The token does not allow this: it names another site, or the endpoint is not open to it."));
    }

    /**
     * A public endpoint may take a bearer token that is not an admin token (a customer's session token, for one):
     * it is the endpoint's to check, so the admin token filter does not read it there.
     */
    private static ServerAuthenticationConverter bearerTokensOutside(ServerWebExchangeMatcher publicPaths) {
        ServerBearerTokenAuthenticationConverter bearerTokens = new ServerBearerTokenAuthenticationConverter();
        return exchange -> publicPaths.matches(exchange)
                .flatMap(match -> match.isMatch() ? Mono.<Authentication>empty() : bearerTokens.convert(exchange));
    }

    private static ServerWebExchangeMatcher publicPaths(SiteSecurityProperties properties) {
        return RequestRules.matcher(properties.publicPaths());
    }

    @Bean
    ReactiveJwtDecoder siteTokenDecoder(SiteSecurityProperties properties) {
        return SiteTokenDecoder.of(properties);
    }

    private static Mono<AuthorizationResult> tokenAllows(Mono<Authentication> authentication, AuthorizationContext context,
                                                         RoleRules roles) {
        Object siteId = context.getVariables().get("siteId");
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(Authentication::getPrincipal)
                .filter(Jwt.class::isInstance)
                .map(Jwt.class::cast)
                .flatMap(jwt -> Mono.justOrEmpty(SiteGrant.roleOn(jwt, siteId == null ? null : siteId.toString())))
                .flatMap(role -> roles.allow(role, context.getExchange()))
                .<AuthorizationResult>map(AuthorizationDecision::new)
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    /** Which requests need more than an editor (the owner paths) or less (the reads a viewer may make). */
    private record RoleRules(ServerWebExchangeMatcher ownerPaths, ServerWebExchangeMatcher readPaths) {

        Mono<Boolean> allow(SiteRole role, ServerWebExchange exchange) {
            return switch (role) {
                case OWNER -> Mono.just(true);
                case EDITOR -> RequestRules.matches(ownerPaths, exchange).map(ownersOnly -> !ownersOnly);
                case VIEWER -> reading(exchange) ? Mono.just(true) : RequestRules.matches(readPaths, exchange);
            };
        }

        private static boolean reading(ServerWebExchange exchange) {
            HttpMethod method = exchange.getRequest().getMethod();
            return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
        }
    }
}
