package io.clientele.customer.collaborator;

import io.clientele.platform.security.SiteGrant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The signed-in collaborator's own settings on a site ({@code me} is whoever the token names), such as the columns
 * of their customers overview. Each collaborator, a viewer too, changes only their own.
 */
@RestController
@RequestMapping("/api/v1/sites/{siteId}/collaborators/me/settings")
class CollaboratorSettingsController {

    private final CollaboratorSettingsStore settings;

    CollaboratorSettingsController(CollaboratorSettingsStore settings) {
        this.settings = settings;
    }

    @GetMapping
    Mono<CollaboratorSettings> mine(@PathVariable String siteId, @AuthenticationPrincipal Jwt token) {
        return settings.find(siteId, SiteGrant.actor(token));
    }

    @PutMapping
    Mono<CollaboratorSettings> change(@PathVariable String siteId, @RequestBody CollaboratorSettings changed,
                                      @AuthenticationPrincipal Jwt token) {
        return Mono.fromCallable(changed::checked)
                .flatMap(checked -> settings.save(siteId, SiteGrant.actor(token), checked).thenReturn(checked));
    }
}
