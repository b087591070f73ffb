package io.clientele.identity;

import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The people who sign in to the console and the one client they sign in to. Their access tokens carry the
 * {@code sites} claim every service's admin API reads (site to role), and their e-mail as the subject, which is who
 * a note, a decision or a consent recorded by hand is written down as.
 */
@Configuration(proxyBeanMethods = false)
class Collaborators {

    static final String SITES_CLAIM = "sites";

    @Bean
    UserDetailsService people(IdentityProperties identity) {
        // {noop}: these are the local stack's published demo passwords, not secrets.
        List<org.springframework.security.core.userdetails.UserDetails> users = identity.people().stream()
                .map(person -> User.withUsername(person.email()).password("{noop}" + person.password()).roles("COLLABORATOR")
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    RegisteredClientRepository console(IdentityProperties identity) {
        RegisteredClient console = RegisteredClient.withId(UUID.nameUUIDFromBytes("clientele-console".getBytes()).toString())
                .clientId("clientele-console")
                .clientSecret("{noop}" + identity.consoleSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(identity.consoleRedirectUri().toString())
                .postLogoutRedirectUri(identity.consoleSignedOutUri().toString())
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .build();
        return new InMemoryRegisteredClientRepository(console);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> siteRoles(IdentityProperties identity) {
        return context -> {
            IdentityProperties.Person person = identity.person(context.getPrincipal().getName());
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (accessToken || idToken) {
                context.getClaims().claim(SITES_CLAIM, person.sites());
            }
            if (idToken) {
                context.getClaims().claim("email", person.email()).claim("name", person.name());
            }
        };
    }
}
