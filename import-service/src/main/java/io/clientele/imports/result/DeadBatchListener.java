package io.clientele.imports.result;

import io.clientele.events.ImportBatchApplied;
import io.clientele.events.ImportBatchRequested;
import io.clientele.events.ImportRowOutcome;
import io.clientele.events.ImportRowStatus;
import io.clientele.imports.job.ImportJobs;
import io.clientele.platform.consumer.IdempotentConsumer;
import io.clientele.platform.outbox.Events;
import io.clientele.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * A batch customer-service could not apply after its retries goes to the commands' dead-letter topic: its rows are
 * reported failed with the error, so that the import still finishes and its failure report lists them to try again.
 */
@Component
class DeadBatchListener {

    private final IdempotentConsumer consumer;
    private final ImportJobs jobs;

    DeadBatchListener(IdempotentConsumer consumer, ImportJobs jobs) {
        this.consumer = consumer;
        this.jobs = jobs;
    }

    @KafkaListener(topics = Topics.IMPORT_COMMANDS + Topics.DEAD_LETTER_SUFFIX, containerFactory = "deadLetterListenerFactory")
    void on(ImportBatchRequested command,
            @Header(name = KafkaHeaders.DLT_EXCEPTION_MESSAGE, required = false) byte[] error) {
        String reason = "not applied: " + (error == null ? "customer-service could not apply its batch"
                : new String(error, StandardCharsets.UTF_8));
        ImportBatchApplied failed = ImportBatchApplied.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(command.getSiteId())
                .setImportId(command.getImportId())
                .setBatch(command.getBatch())
                .setOutcomes(command.getRows().stream().map(row -> ImportRowOutcome.newBuilder()
                        .setRowNumber(row.getRowNumber())
                        .setStatus(ImportRowStatus.FAILED)
                        .setReason(reason.length() > 500 ? reason.substring(0, 500) : reason)
                        .build()).toList())
                .build();
        consumer.applyOnceNow("import-dead-letters", command.getEventId(), () -> jobs.applied(failed));
    }
}
