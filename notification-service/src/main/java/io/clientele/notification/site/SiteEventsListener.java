package io.clientele.notification.site;

import io.clientele.events.SiteUpdated;
import io.clientele.platform.consumer.IdempotentConsumer;
import io.clientele.schemas.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
@KafkaListener(topics = Topics.SITE_EVENTS)
class SiteEventsListener {

    private final IdempotentConsumer consumer;
    private final SiteSettingsRepository sites;

    SiteEventsListener(IdempotentConsumer consumer, SiteSettingsRepository sites) {
        this.consumer = consumer;
        this.sites = sites;
    }

    @KafkaHandler
    void on(SiteUpdated site) {
        consumer.applyOnceNow("site-settings", site.getEventId(), () -> sites.apply(site));
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
    }
}
