package io.clientele.gateway.console;

import io.clientele.gateway.site.SiteProfiles;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/** Opens a console page of one site for the signed-in collaborator: only a site they work on. */
@Component
class Console {

    private final SiteProfiles sites;

    Console(SiteProfiles sites) {
        this.sites = sites;
    }

    Mono<Screen> open(OidcUser user, String siteId, ServerWebExchange exchange) {
        Collaborator me = Collaborator.of(user);
        Locale language = ConsoleLanguage.choose(exchange);
        if (!me.worksOn(siteId)) {
            return Mono.error(new ConsoleProblem(HttpStatus.FORBIDDEN, Map.of("detail", siteId)));
        }
        String other = language.getLanguage().equals("fr") ? "en" : "fr";
        String path = exchange.getRequest().getPath().value();
        String inOther = UriComponentsBuilder.fromPath(path)
                .query(exchange.getRequest().getURI().getRawQuery()).replaceQueryParam("lang", other).build(true).toUriString();
        return sites.find(siteId).map(site -> new Screen(me, siteId, site.name(), language, path, inOther));
    }

    /** One console page being answered: who reads it, on which site, in which language, and where it is in the other. */
    record Screen(Collaborator me, String siteId, String siteName, Locale language, String path, String inOtherLanguage) {

        String base() {
            return "/admin/sites/" + siteId;
        }

        Rendering show(String view, Map<String, ?> model) {
            Map<String, Object> values = new LinkedHashMap<>(model);
            values.put("me", me);
            values.put("siteId", siteId);
            values.put("siteName", siteName);
            values.put("role", me.roleOn(siteId));
            values.put("writes", me.writesOn(siteId));
            values.put("owns", me.ownerOf(siteId));
            values.put("base", base());
            values.put("path", path);
            values.put("inOtherLanguage", inOtherLanguage);
            values.put("lang", language.getLanguage());
            return Rendering.view(view).model(values).build();
        }

        Rendering redirect(String to) {
            return Rendering.redirectTo(to).build();
        }
    }
}
