package io.clientele.platform.consumer;

import io.clientele.platform.consumer.IdempotentConsumer.Effect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Applies what a batch listener received in one transaction, which is what lets a consumer keep up with a topic
 * carrying one event per customer of a bulk change. Should the batch fail, its records are applied one by one, so
 * that the records before the failing one are kept and the failing one alone goes to the listener's error handler
 * (retries, then the dead-letter topic), as a record listener's would.
 */
public class RecordBatches {

    /** How long a listener thread waits for a whole batch, well within the consumer's max.poll.interval.ms. */
    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(2);
    private static final LogAccessor LOG = new LogAccessor(RecordBatches.class);

    private final IdempotentConsumer consumer;

    public RecordBatches(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    /**
     * @param effectOf what an event does, or null for an event the service has no use for
     * @throws BatchListenerFailedException naming the first record that could not be read or applied; the records
     *                                      before it have been applied
     */
    public void applyOnce(List<ConsumerRecord<String, Object>> records, Function<Object, Effect> effectOf) {
        int unreadable = firstUnreadable(records);
        List<ConsumerRecord<String, Object>> readable = records.subList(0, unreadable < 0 ? records.size() : unreadable);
        List<Effect> effects = new ArrayList<>(readable.size());
        List<Integer> positions = new ArrayList<>(readable.size());
        for (int i = 0; i < readable.size(); i++) {
            Effect effect = effectOf.apply(readable.get(i).value());
            if (effect != null) {
                effects.add(effect);
                positions.add(i);
            }
        }
        try {
            consumer.applyAllOnce(effects).block(BATCH_TIMEOUT);
        } catch (RuntimeException batchFailure) {
            oneByOne(records, effects, positions);
        }
        if (unreadable >= 0) {
            DeserializationException cause = SerializationUtils.getExceptionFromHeader(records.get(unreadable),
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
            throw new BatchListenerFailedException("record could not be read", cause, unreadable);
        }
    }

    private void oneByOne(List<ConsumerRecord<String, Object>> records, List<Effect> effects, List<Integer> positions) {
        for (int i = 0; i < effects.size(); i++) {
            try {
                consumer.applyAllOnce(List.of(effects.get(i))).block(BATCH_TIMEOUT);
            } catch (RuntimeException failure) {
                throw new BatchListenerFailedException(failure.getMessage(), failure, records.get(positions.get(i)));
            }
        }
    }

    private static int firstUnreadable(List<ConsumerRecord<String, Object>> records) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).value() == null
                    && records.get(i).headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
                return i;
            }
        }
        return -1;
    }
}
