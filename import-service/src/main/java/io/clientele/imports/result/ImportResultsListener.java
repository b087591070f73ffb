package io.clientele.imports.result;

import io.clientele.events.ImportBatchApplied;
import io.clientele.events.ImportRowOutcome;
import io.clientele.imports.job.ImportJobs;
import io.clientele.platform.consumer.IdempotentConsumer;
import io.clientele.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Counts each applied batch's outcomes into its import, and into {@code clientele.import.rows} by outcome. */
@Component
class ImportResultsListener {

    private final IdempotentConsumer consumer;
    private final ImportJobs jobs;
    private final MeterRegistry meters;

    ImportResultsListener(IdempotentConsumer consumer, ImportJobs jobs, MeterRegistry meters) {
        this.consumer = consumer;
        this.jobs = jobs;
        this.meters = meters;
    }

    @KafkaListener(topics = Topics.IMPORT_RESULTS)
    void on(ImportBatchApplied result) {
        if (consumer.applyOnceNow("import-results", result.getEventId(), () -> jobs.applied(result))) {
            for (ImportRowOutcome outcome : result.getOutcomes()) {
                meters.counter("clientele.import.rows", "outcome", outcome.getStatus().name()).increment();
            }
        }
    }
}
