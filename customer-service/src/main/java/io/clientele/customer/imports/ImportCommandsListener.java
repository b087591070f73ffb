package io.clientele.customer.imports;

import io.clientele.events.ImportBatchRequested;
import io.clientele.platform.consumer.IdempotentConsumer;
import io.clientele.schemas.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class ImportCommandsListener {

    private final IdempotentConsumer consumer;
    private final ImportBatches batches;

    ImportCommandsListener(IdempotentConsumer consumer, ImportBatches batches) {
        this.consumer = consumer;
        this.batches = batches;
    }

    @KafkaListener(topics = Topics.IMPORT_COMMANDS)
    void on(ImportBatchRequested batch) {
        consumer.applyOnceNow("import", batch.getEventId(), () -> batches.apply(batch));
    }
}
