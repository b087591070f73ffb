package io.clientele.gateway.console;

import io.clientele.gateway.EdgeProperties;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The owner console's sign-in: OpenID Connect's authorization code flow with PKCE against the configured identity
 * provider, whose tokens then go with every call the console makes to the services for the signed-in collaborator
 * (see ConsoleCalls). A console address opened before signing in (an owner's mail link) is where sign-in returns.
 * Its forms carry a CSRF token; its pages may run the edge's own scripts (htmx), nothing else.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String REGISTRATION = "clientele";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'%s; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain consoleSignIn(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
                                           EdgeProperties edge) {
        DefaultServerOAuth2AuthorizationRequestResolver pkce = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/admin", "/admin/**", "/oauth2/**",
                        "/login/oauth2/**", "/logout"))
                .authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
                .oauth2Login(login -> login.authorizationRequestResolver(pkce))
                .oauth2Client(client -> { })
                .csrf(csrf -> csrf.csrfTokenRequestHandler(tokenAlsoInMultipartForms()))
                .logout(logout -> logout.logoutSuccessHandler(new SignOut(edge.consoleEndSessionUrl())))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(edge)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** The import's upload form is multipart: its token is read from its parts as from any other form's fields. */
    private static XorServerCsrfTokenRequestAttributeHandler tokenAlsoInMultipartForms() {
        XorServerCsrfTokenRequestAttributeHandler handler = new XorServerCsrfTokenRequestAttributeHandler();
        handler.setTokenFromMultipartDataEnabled(true);
        return handler;
    }

    /** Renews a collaborator's access token with their refresh token when it runs out, while they keep working. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClients(ReactiveClientRegistrationRepository registrations,
                                                            ServerOAuth2AuthorizedClientRepository clients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    /**
     * The sign-out form's answer sends the browser on to the identity provider's end-session endpoint, and a browser
     * follows a form's redirect only to where {@code form-action} allows.
     */
    private static String contentSecurityPolicy(EdgeProperties edge) {
        URI endSession = edge.consoleEndSessionUrl();
        String provider = endSession == null ? ""
                : " " + UriComponentsBuilder.fromUri(endSession).replacePath(null).replaceQuery(null).build().toUriString();
        return CONTENT_SECURITY_POLICY.formatted(provider);
    }
}
