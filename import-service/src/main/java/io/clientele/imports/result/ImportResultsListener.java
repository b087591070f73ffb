package io.clientele.imports.result;

import io.clientele.events.ImportBatchApplied;
import io.clientele.imports.job.ImportJobs;
import io.clientele.platform.consumer.IdempotentConsumer;
import io.clientele.schemas.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class ImportResultsListener {

    private final IdempotentConsumer consumer;
    private final ImportJobs jobs;

    ImportResultsListener(IdempotentConsumer consumer, ImportJobs jobs) {
        this.consumer = consumer;
        this.jobs = jobs;
    }

    @KafkaListener(topics = Topics.IMPORT_RESULTS)
    void on(ImportBatchApplied result) {
        consumer.applyOnceNow("import-results", result.getEventId(), () -> jobs.applied(result));
    }
}
