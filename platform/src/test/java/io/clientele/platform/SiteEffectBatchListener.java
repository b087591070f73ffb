package io.clientele.platform;

import io.clientele.events.SiteUpdated;
import io.clientele.platform.consumer.IdempotentConsumer.Effect;
import io.clientele.platform.consumer.RecordBatches;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@link SiteEffectListener} as a batch listener: a site named "poison" fails inside the batch's transaction. */
@Component
class SiteEffectBatchListener {

    private final RecordBatches batches;
    private final DatabaseClient db;

    SiteEffectBatchListener(RecordBatches batches, DatabaseClient db) {
        this.batches = batches;
        this.db = db;
    }

    @KafkaListener(topics = "platform-test.site-batches", batch = "true")
    void on(List<ConsumerRecord<String, Object>> records) {
        batches.applyOnce(records, event -> event instanceof SiteUpdated site
                ? new Effect("site-effects", site.getEventId(), () -> apply(site))
                : null);
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
