package io.clientele.imports.customer;

import io.clientele.events.CustomerErased;
import io.clientele.events.CustomerMerged;
import io.clientele.platform.consumer.IdempotentConsumer.Effect;
import io.clientele.platform.consumer.RecordBatches;
import io.clientele.schemas.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Erasures and merges, read a poll's worth at a time from a topic where a bulk change brings one event per customer. */
@Component
class CustomerEventsListener {

    private final RecordBatches batches;
    private final CustomerErasure erasure;
    private final CustomerMergeFollower merges;

    CustomerEventsListener(RecordBatches batches, CustomerErasure erasure, CustomerMergeFollower merges) {
        this.batches = batches;
        this.erasure = erasure;
        this.merges = merges;
    }

    @KafkaListener(topics = Topics.CUSTOMER_EVENTS, batch = "true")
    void on(List<ConsumerRecord<String, Object>> records) {
        batches.applyOnce(records, this::effectOf);
    }

    /** Only erasures and merges concern import-service; the customers themselves are customer-service's. */
    private Effect effectOf(Object event) {
        return switch (event) {
            case CustomerErased erased -> new Effect("customer-erasure", erased.getEventId(), () -> erasure.erase(erased));
            case CustomerMerged merged -> new Effect("customer-merge", merged.getEventId(), () -> merges.merged(merged));
            default -> null;
        };
    }
}
