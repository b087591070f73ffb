package io.clientele.gateway.site;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.clientele.gateway.EdgeProperties;
import io.clientele.gateway.ServiceUnavailable;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * Sites' public profiles, asked of customer-service and kept for a while: every CORS question and every page needs
 * one, and a site's settings change seldom. A failed lookup is not kept, so the next request asks again.
 */
@Component
public class SiteProfiles {

    /** The ids the services accept (their RequestGuard refuses others): anything else is not looked up. */
    private static final Pattern SITE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final AsyncLoadingCache<String, Optional<SiteProfile>> profiles;

    SiteProfiles(WebClient services, EdgeProperties edge) {
        WebClient customerService = services.mutate().baseUrl(edge.customerUrl().toString()).build();
        this.profiles = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(edge.siteProfileTtl())
                .buildAsync((siteId, executor) -> customerService.get()
                        .uri("/api/v1/sites/{siteId}/profile", siteId)
                        .retrieve()
                        .bodyToMono(SiteProfile.class)
                        .map(Optional::of)
                        .onErrorResume(WebClientResponseException.NotFound.class, notFound -> Mono.just(Optional.empty()))
                        .timeout(edge.serviceTimeout())
                        .toFuture());
    }

    /** The site's profile; empty when there is no such site; a ServiceUnavailable when customer-service does not answer. */
    public Mono<SiteProfile> find(String siteId) {
        if (siteId == null || !SITE_ID.matcher(siteId).matches()) {
            return Mono.empty();
        }
        return Mono.fromFuture(() -> profiles.get(siteId)).flatMap(Mono::justOrEmpty)
                .onErrorMap(error -> !(error instanceof ServiceUnavailable), ServiceUnavailable::new);
    }
}
