package io.clientele.access.group;

import io.clientele.events.GroupChanged;
import io.clientele.platform.consumer.IdempotentConsumer;
import io.clientele.schemas.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
@KafkaListener(topics = Topics.SITE_EVENTS)
class SiteEventsListener {

    private final IdempotentConsumer consumer;
    private final GroupChanges groups;

    SiteEventsListener(IdempotentConsumer consumer, GroupChanges groups) {
        this.consumer = consumer;
        this.groups = groups;
    }

    @KafkaHandler
    void on(GroupChanged change) {
        consumer.applyOnceNow("group-changes", change.getEventId(), () -> groups.apply(change));
    }

    /** Site settings say nothing access-service needs. */
    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
    }
}
