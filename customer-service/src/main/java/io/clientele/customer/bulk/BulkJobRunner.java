package io.clientele.customer.bulk;

import io.clientele.customer.customer.CustomerRemoval;
import io.clientele.platform.polling.PollingLifecycle;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs bulk jobs in the background a chunk at a time, each chunk with its progress in one transaction, so that a job
 * stopped half way (its instance gone) goes on where it was: every instance looks for running jobs whose worker has
 * been silent for two minutes and takes them over.
 */
@Component
class BulkJobRunner extends PollingLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BulkJobRunner.class);
    static final int CHUNK = 2_000;
    private static final Duration SILENCE = Duration.ofMinutes(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String worker = UUID.randomUUID().toString();
    private final BulkJobs jobs;
    private final ChunkChange change;
    private final CustomerRemoval removal;
    private final TransactionalOperator tx;
    private final MeterRegistry meters;

    BulkJobRunner(BulkJobs jobs, ChunkChange change, CustomerRemoval removal, TransactionalOperator tx, MeterRegistry meters) {
        this.meters = meters;
        this.jobs = jobs;
        this.change = change;
        this.removal = removal;
        this.tx = tx;
        poll("Bulk job take-over", Duration.ofSeconds(10), Duration.ofSeconds(30),
                () -> jobs.takeOverSilent(worker, SILENCE).doOnNext(this::runInBackground).then());
    }

    String worker() {
        return worker;
    }

    void runInBackground(UUID jobId) {
        step(jobId).expand(more -> more ? step(jobId) : Mono.empty())
                .then(jobs.finish(jobId))
                .subscribe(null, error -> log.error("Bulk job {} stopped; another instance takes it over", jobId, error));
    }

    /** Applies the job's next chunk; answers whether there is more. Its customers count once the chunk is committed. */
    private Mono<Boolean> step(UUID jobId) {
        return tx.transactional(jobs.lockRunning(jobId).flatMap(work -> jobs.chunk(jobId, work.processed(), CHUNK)
                        .flatMap(ids -> ids.isEmpty() ? Mono.just(Step.NONE)
                                : applied(work, ids).flatMap(outcome -> jobs.progress(jobId, outcome)
                                        .thenReturn(new Step(work.kind(), outcome, work.processed() + ids.size() < work.total())))))
                        .defaultIfEmpty(Step.NONE))
                .doOnNext(this::counted)
                .map(Step::more);
    }

    /** {@code clientele.bulk.customers} by kind (CHANGE, DELETE) and outcome (changed, unchanged, failed). */
    private void counted(Step step) {
        if (step.outcome() == null) {
            return;
        }
        int failed = step.outcome().failures().size();
        meters.counter("clientele.bulk.customers", "kind", step.kind(), "outcome", "changed").increment(step.outcome().changed());
        meters.counter("clientele.bulk.customers", "kind", step.kind(), "outcome", "failed").increment(failed);
        meters.counter("clientele.bulk.customers", "kind", step.kind(), "outcome", "unchanged")
                .increment(Math.max(0, step.outcome().processed() - step.outcome().changed() - failed));
    }

    private record Step(String kind, ChunkOutcome outcome, boolean more) {
        static final Step NONE = new Step(null, null, false);
    }

    private Mono<ChunkOutcome> applied(BulkJobs.Work work, List<UUID> ids) {
        if (work.kind().equals(BulkJob.DELETE)) {
            return removal.removeAll(work.siteId(), ids, false).map(deleted -> new ChunkOutcome(ids.size(), deleted, List.of()));
        }
        return change.apply(work.id(), work.siteId(), JSON.readValue(work.changes(), BulkChange.class), ids);
    }
}
