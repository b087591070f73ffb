package io.clientele.access.group;

import io.clientele.events.GroupChanged;
import io.clientele.platform.consumer.IdempotentConsumer;
import io.clientele.schemas.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A site's groups renamed or deleted: the access granted to their members follows. */
@Component
class GroupEventsListener {

    private final IdempotentConsumer consumer;
    private final GroupChanges groups;

    GroupEventsListener(IdempotentConsumer consumer, GroupChanges groups) {
        this.consumer = consumer;
        this.groups = groups;
    }

    @KafkaListener(topics = Topics.GROUP_EVENTS)
    void on(GroupChanged change) {
        consumer.applyOnceNow("group-changes", change.getEventId(), () -> groups.apply(change));
    }
}
