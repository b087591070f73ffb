package io.clientele.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * Admin endpoints under {@code /api/v1/sites/{siteId}} need a bearer JWT whose {@code site} claim names that site;
 * the configured public paths, actuator and the OpenAPI document need none.
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
                    exchanges.pathMatchers("/api/v1/sites/{siteId}", "/api/v1/sites/{siteId}/**")
                            .access(SiteSecurityConfiguration::tokenNamesTheSite);
                    exchanges.anyExchange().denyAll();
                })
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(bearerTokensOutside(publicPaths(properties)))
                        .jwt(jwt -> { }))
                .build();
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
        List<ServerWebExchangeMatcher> matchers = properties.publicPaths().stream()
                .map(publicPath -> publicPath.trim().split("\\s+", 2))
                .map(methodAndPattern -> ServerWebExchangeMatchers.pathMatchers(HttpMethod.valueOf(methodAndPattern[0]),
                        methodAndPattern[1]))
                .toList();
        return matchers.isEmpty() ? exchange -> ServerWebExchangeMatcher.MatchResult.notMatch()
                : new OrServerWebExchangeMatcher(matchers);
    }

    @Bean
    ReactiveJwtDecoder siteTokenDecoder(SiteSecurityProperties properties) {
        if (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()) {
            return NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        }
        if (properties.hmacSecret() == null || properties.hmacSecret().length() < 32) {
            throw new IllegalStateException(
                    "Set clientele.security.jwk-set-uri, or clientele.security.hmac-secret to at least 32 characters");
        }
        SecretKeySpec key = new SecretKeySpec(properties.hmacSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
    }

    private static Mono<AuthorizationResult> tokenNamesTheSite(Mono<Authentication> authentication,
                                                                 AuthorizationContext context) {
        Object siteId = context.getVariables().get("siteId");
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(Authentication::getPrincipal)
                .filter(Jwt.class::isInstance)
                .<AuthorizationResult>map(principal -> new AuthorizationDecision(siteId != null
                        && siteId.equals(((Jwt) principal).getClaimAsString(SiteTokens.SITE_CLAIM))))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }
}
