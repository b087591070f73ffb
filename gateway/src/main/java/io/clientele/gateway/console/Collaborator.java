package io.clientele.gateway.console;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in person, as their identity provider names them: their e-mail, their name, and their role on each
 * site they work on ({@code owner}, {@code editor} or {@code viewer}), from the {@code sites} claim. The console
 * shows a viewer no button that writes and an editor none that only an owner may press; every service's API
 * refuses those requests all the same.
 */
record Collaborator(String email, String name, Map<String, String> sites) {

    static final String SITES_CLAIM = "sites";

    static Collaborator of(OidcUser user) {
        Map<String, String> sites = new TreeMap<>();
        if (user.getClaims().get(SITES_CLAIM) instanceof Map<?, ?> claimed) {
            claimed.forEach((site, role) -> sites.put(String.valueOf(site), String.valueOf(role)));
        }
        String email = user.getEmail() != null ? user.getEmail() : user.getSubject();
        return new Collaborator(email, user.getFullName() != null ? user.getFullName() : email, sites);
    }

    boolean worksOn(String siteId) {
        return sites.containsKey(siteId);
    }

    String roleOn(String siteId) {
        return sites.getOrDefault(siteId, "none");
    }

    boolean writesOn(String siteId) {
        return List.of("owner", "editor").contains(roleOn(siteId));
    }

    boolean ownerOf(String siteId) {
        return "owner".equals(roleOn(siteId));
    }
}
