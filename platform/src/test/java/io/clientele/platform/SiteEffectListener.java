package io.clientele.platform;

import io.clientele.events.SiteUpdated;
import io.clientele.platform.consumer.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Applies each SiteUpdated once as a row in site_effects; a site named "poison" always fails. */
@Component
class SiteEffectListener {

    private final IdempotentConsumer consumer;
    private final DatabaseClient db;

    SiteEffectListener(IdempotentConsumer consumer, DatabaseClient db) {
        this.consumer = consumer;
        this.db = db;
    }

    @KafkaListener(topics = "platform-test.sites")
    void on(SiteUpdated event) {
        if ("poison".equals(event.getName())) {
            throw new IllegalArgumentException("poison site cannot be applied");
        }
        consumer.applyOnceNow("site-effects", event.getEventId(), () -> db.sql(
                        "INSERT INTO site_effects (event_id, site_id, name) VALUES (:eventId, :siteId, :name)")
                .bind("eventId", event.getEventId())
                .bind("siteId", event.getSiteId())
                .bind("name", event.getName())
                .then());
    }
}
