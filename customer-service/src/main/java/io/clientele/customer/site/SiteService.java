package io.clientele.customer.site;

import io.clientele.events.SiteUpdated;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import io.clientele.schemas.Topics;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Saves a site's settings and tells the other services (SiteUpdated) in the same transaction. */
@Service
class SiteService {

    private final SiteRepository sites;
    private final Outbox outbox;
    private final TransactionalOperator tx;

    SiteService(SiteRepository sites, Outbox outbox, TransactionalOperator tx) {
        this.sites = sites;
        this.outbox = outbox;
        this.tx = tx;
    }

    Mono<Site> save(String siteId, SiteSettings settings) {
        return tx.transactional(sites.save(siteId, settings)
                .flatMap(site -> outbox.add(Topics.SITE_EVENTS, "site", siteId, updated(site)).thenReturn(site)));
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
