package io.clientele.customer.site;

import io.clientele.platform.web.ProblemException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Public: what the edge needs to show a site's pages and to answer its browsers' CORS questions. Nothing in it is
 * secret: a site's name and language are on its pages, its origins in every CORS answer.
 */
@RestController
class SiteProfileController {

    private final SiteRepository sites;

    SiteProfileController(SiteRepository sites) {
        this.sites = sites;
    }

    @GetMapping("/api/v1/sites/{siteId}/profile")
    Mono<SiteProfile> profile(@PathVariable String siteId) {
        return sites.find(siteId)
                .map(site -> new SiteProfile(site.siteId(), site.name(), site.locale(), site.allowedOrigins()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("site", siteId)));
    }

    record SiteProfile(String siteId, String name, String locale, List<String> allowedOrigins) {
    }
}
