package io.clientele.gateway.console;

import java.net.URI;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * After the console's own session ends, the identity provider's ends too (OpenID Connect RP-initiated log-out,
 * at its end-session endpoint), so that the next person at the browser signs in afresh. Without an end-session
 * endpoint configured, the console's sign-in page is next.
 */
final class SignOut implements ServerLogoutSuccessHandler {

    private final URI endSession;
    private final DefaultServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();

    SignOut(URI endSession) {
        this.endSession = endSession;
    }

    @Override
    public Mono<Void> onLogoutSuccess(WebFilterExchange exchange, Authentication authentication) {
        URI request = exchange.getExchange().getRequest().getURI();
        String console = UriComponentsBuilder.fromUri(request).replacePath("/admin").replaceQuery(null).build().toUriString();
        if (endSession == null || !(authentication != null && authentication.getPrincipal() instanceof OidcUser user)) {
            return redirects.sendRedirect(exchange.getExchange(), URI.create(console));
        }
        URI providers = UriComponentsBuilder.fromUri(endSession)
                .queryParam("id_token_hint", user.getIdToken().getTokenValue())
                .queryParam("post_logout_redirect_uri", console)
                .build().encode().toUri();
        return redirects.sendRedirect(exchange.getExchange(), providers);
    }
}
