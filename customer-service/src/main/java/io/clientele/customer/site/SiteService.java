package io.clientele.customer.site;

import io.clientele.events.SiteUpdated;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import io.clientele.platform.web.JsonBodies;
import io.clientele.platform.web.ProblemException;
import io.clientele.schemas.Topics;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Saves a site's settings, whole or patched, and tells the other services (SiteUpdated) in the same transaction. */
@Service
class SiteService {

    private final SiteRepository sites;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Validator validator;

    SiteService(SiteRepository sites, Outbox outbox, TransactionalOperator tx, Validator validator) {
        this.sites = sites;
        this.outbox = outbox;
        this.tx = tx;
        this.validator = validator;
    }

    Mono<Site> save(String siteId, SiteSettings settings) {
        return tx.transactional(saved(siteId, settings));
    }

    /** The site's settings with a merge patch applied, refused as a whole when one of them is wrong. */
    Mono<Site> patch(String siteId, Map<String, Object> patch) {
        return tx.transactional(sites.lock(siteId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("site", siteId)))
                .flatMap(site -> saved(siteId, JsonBodies.patched(SiteSettings.of(site), patch, "site", validator))));
    }

    private Mono<Site> saved(String siteId, SiteSettings settings) {
        return sites.save(siteId, settings)
                .flatMap(site -> outbox.add(Topics.SITE_EVENTS, "site", siteId, updated(site)).thenReturn(site));
    }

    private static SiteUpdated updated(Site site) {
        return SiteUpdated.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(site.siteId())
                .setName(site.name())
                .setOwnerEmail(site.ownerEmail())
                .setLocale(site.locale())
                .setSenderName(site.senderName())
                .setSenderEmail(site.senderEmail())
                .setOwnerMailDigest(site.ownerMailDigest())
                .build();
    }
}
