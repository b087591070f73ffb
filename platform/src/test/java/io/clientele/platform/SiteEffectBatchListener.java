package io.clientele.platform;

import io.clientele.events.SiteUpdated;
import io.clientele.platform.consumer.BatchEventListener;
import io.clientele.platform.consumer.IdempotentConsumer.Effect;
import io.clientele.platform.consumer.RecordBatches;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@link SiteEffectListener} as a batch listener: a site named "poison" fails inside the batch's transaction. */
@Component
class SiteEffectBatchListener extends BatchEventListener {

    private final DatabaseClient db;

    SiteEffectBatchListener(RecordBatches batches, DatabaseClient db) {
        super("platform-test.site-batches", batches);
        this.db = db;
    }

    @Override
    protected Effect effectOf(Object event) {
        return event instanceof SiteUpdated site ? new Effect("site-effects", site.getEventId(), () -> apply(site)) : null;
    }

    private Mono<Void> apply(SiteUpdated site) {
        return db.sql("INSERT INTO site_effects (event_id, site_id, name) VALUES (:eventId, :siteId, :name)")
                .bind("eventId", site.getEventId())
                .bind("siteId", site.getSiteId())
                .bind("name", site.getName())
                .then()
                .then("poison".equals(site.getName())
                        ? Mono.error(new IllegalArgumentException("poison site cannot be applied")) : Mono.empty());
    }
}
