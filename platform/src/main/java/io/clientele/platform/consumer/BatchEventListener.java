package io.clientele.platform.consumer;

import io.clientele.platform.consumer.IdempotentConsumer.Effect;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * A listener of one topic that applies a poll's worth of events at a time through {@link RecordBatches}: what a
 * topic needs where a bulk change brings one event per customer. A subclass says what each event does.
 */
public abstract class BatchEventListener {

    private final String topic;
    private final RecordBatches batches;

    protected BatchEventListener(String topic, RecordBatches batches) {
        this.topic = topic;
        this.batches = batches;
    }

    public String topic() {
        return topic;
    }

    @KafkaListener(topics = "#{__listener.topic()}", batch = "true")
    public void on(List<ConsumerRecord<String, Object>> records) {
        batches.applyOnce(records, this::effectOf);
    }

    /** What the event does, or null for an event the service has no use for. */
    protected abstract Effect effectOf(Object event);
}
