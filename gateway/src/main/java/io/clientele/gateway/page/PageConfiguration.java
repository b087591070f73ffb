package io.clientele.gateway.page;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The edge's own protections. Its forms carry a CSRF token (a cookie matched against a hidden field, so any replica
 * checks it), except the two a page outside the edge posts: the one-click unsubscribe of a mail client (RFC 8058,
 * its link's token is the proof) and a site's own sign-up form (its {@code Origin} must be one of the site's). The
 * API is not the edge's to authenticate: each service checks its own callers. Every answer carries a strict CSP,
 * no referrer (a link's token is in its address) and {@code Cache-Control: no-store}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class PageConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http) {
        return http
                .csrf(csrf -> csrf
                        .csrfTokenRepository(new CookieServerCsrfTokenRepository())
                        .accessDeniedHandler(new ExpiredForm())
                        .requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(
                                ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/sites/**"),
                                new NegatedServerWebExchangeMatcher(new OrServerWebExchangeMatcher(
                                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST,
                                                "/sites/{siteId}/unsubscribe", "/sites/{siteId}/signup"))))))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.disable())
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    @Bean(WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
    LocaleContextResolver localeContextResolver() {
        return new PageLanguage();
    }
}
