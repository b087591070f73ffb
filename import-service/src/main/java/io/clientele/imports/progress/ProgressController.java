package io.clientele.imports.progress;

import io.clientele.imports.job.ImportJob;
import io.clientele.imports.job.ImportJobs;
import io.clientele.platform.web.ProblemException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An import's progress, once or as a stream of server-sent events that ends when the import does. */
@RestController
class ProgressController {

    private static final Duration EVERY = Duration.ofMillis(500);

    private final ImportJobs jobs;

    ProgressController(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/api/v1/sites/{siteId}/imports/{id}")
    Mono<ImportProgress> progress(@PathVariable String siteId, @PathVariable UUID id) {
        return existing(siteId, id).map(ImportProgress::of);
    }

    /** A {@code progress} event whenever the numbers move, the last one with status FINISHED. */
    @GetMapping(path = "/api/v1/sites/{siteId}/imports/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<ImportProgress>> events(@PathVariable String siteId, @PathVariable UUID id) {
        return existing(siteId, id).flatMapMany(first -> Flux.interval(EVERY)
                        .concatMap(tick -> jobs.find(siteId, id))
                        .startWith(first))
                .map(ImportProgress::of)
                .distinctUntilChanged()
                .takeUntil(progress -> ImportJob.FINISHED.equals(progress.status()))
                .map(progress -> ServerSentEvent.builder(progress).event("progress").build());
    }

    private Mono<ImportJob> existing(String siteId, UUID id) {
        return jobs.find(siteId, id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("import", id.toString())));
    }
}
