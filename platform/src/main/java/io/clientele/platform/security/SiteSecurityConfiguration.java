package io.clientele.platform.security;

import java.nio.charset.StandardCharsets;
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
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;
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
                    for (String publicPath : properties.publicPaths()) {
                        String[] methodAndPattern = publicPath.trim().split("\\s+", 2);
                        exchanges.pathMatchers(HttpMethod.valueOf(methodAndPattern[0]), methodAndPattern[1]).permitAll();
                    }
                    exchanges.pathMatchers("/api/v1/sites/{siteId}", "/api/v1/sites/{siteId}/**")
                            .access(SiteSecurityConfiguration::tokenNamesTheSite);
                    exchanges.anyExchange().denyAll();
                })
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }))
                .build();
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
