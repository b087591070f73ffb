package io.clientele.customer.site;

import io.clientele.platform.web.ProblemException;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/sites/{siteId}")
class SiteController {

    private final SiteService service;
    private final SiteRepository sites;

    SiteController(SiteService service, SiteRepository sites) {
        this.service = service;
        this.sites = sites;
    }

    /** Replaces the settings: an optional setting left out takes its default. */
    @PutMapping
    Mono<Site> save(@PathVariable String siteId, @Valid @RequestBody SiteSettings settings) {
        return service.save(siteId, settings);
    }

    /** A JSON merge patch (RFC 7386) of the settings: those named change, null clears one, the others stay. */
    @PatchMapping(consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    Mono<Site> patch(@PathVariable String siteId, @RequestBody Map<String, Object> patch) {
        return service.patch(siteId, patch);
    }

    @GetMapping
    Mono<Site> get(@PathVariable String siteId) {
        return sites.find(siteId).switchIfEmpty(Mono.error(() -> ProblemException.notFound("site", siteId)));
    }
}
