package io.clientele.customer.bulk;

import io.clientele.customer.search.CustomerQuery;
import io.clientele.customer.search.CustomerSearch;
import io.clientele.platform.hash.Sha256;
import io.clientele.platform.web.ProblemException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts bulk jobs. A change starts at once; a deletion is previewed first (how many customers, and a token that
 * confirms exactly those), then confirmed with the token and a reason.
 */
@Service
class BulkService {

    /** The most customers one job works on. */
    static final int MAX_CUSTOMERS = 100_000;
    static final int MIN_REASON_LENGTH = 10;
    static final Duration PREVIEW_VALID = Duration.ofMinutes(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CustomerSearch search;
    private final BulkJobs jobs;
    private final BulkJobRunner runner;

    BulkService(CustomerSearch search, BulkJobs jobs, BulkJobRunner runner) {
        this.search = search;
        this.jobs = jobs;
        this.runner = runner;
    }

    Mono<BulkJob> change(String siteId, CustomerQuery query, BulkChange change, String requestedBy) {
        BulkChange checked = change.checked();
        UUID id = UUID.randomUUID();
        return targets(siteId, query)
                .flatMap(targets -> jobs.insertRunning(id, siteId, BulkJob.CHANGE, JSON.writeValueAsString(query),
                        JSON.writeValueAsString(checked), requestedBy, targets, runner.worker()))
                .then(Mono.fromRunnable(() -> runner.runInBackground(id)))
                .then(jobs.find(siteId, id));
    }

    Mono<DeletionPreview> previewDeletion(String siteId, CustomerQuery query, String requestedBy) {
        UUID id = UUID.randomUUID();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = Instant.now().plus(PREVIEW_VALID).truncatedTo(ChronoUnit.MILLIS);
        return targets(siteId, query).flatMap(targets -> jobs.insertPreviewed(id, siteId, JSON.writeValueAsString(query),
                        requestedBy, targets, Sha256.hex(token), expiresAt)
                .thenReturn(new DeletionPreview(targets.size(), token, expiresAt)));
    }

    /**
     * Deletes the customers the token's preview counted, if the query still finds exactly those: otherwise the
     * owner would delete customers they were not shown.
     */
    Mono<BulkJob> confirmDeletion(String siteId, String token, String reason, String confirmedBy) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < MIN_REASON_LENGTH) {
            return Mono.error(ProblemException.invalidField("reason", "say why in at least " + MIN_REASON_LENGTH + " characters"));
        }
        if (token == null || token.isBlank()) {
            return Mono.error(ProblemException.invalidField("token", "the token a deletion preview answered is needed"));
        }
        return jobs.previewed(siteId, Sha256.hex(token))
                .switchIfEmpty(Mono.error(() -> ProblemException.invalidField("token",
                        "is not a waiting deletion preview of this site (each token confirms one deletion)")))
                .flatMap(previewed -> {
                    if (previewed.expiresAt().isBefore(Instant.now())) {
                        return jobs.expire(previewed.id()).then(Mono.error(ProblemException.invalidField("token",
                                "expired at " + previewed.expiresAt() + "; preview the deletion again")));
                    }
                    CustomerQuery query = JSON.readValue(previewed.query(), CustomerQuery.class);
                    return targets(siteId, query).flatMap(now -> new HashSet<>(now).equals(new HashSet<>(previewed.targets()))
                            ? jobs.startPreviewed(previewed.id(), why, confirmedBy, runner.worker())
                            .flatMap(started -> started ? Mono.just(previewed.id()) : Mono.error(ProblemException.invalidField(
                                    "token", "confirmed a deletion already")))
                            : jobs.expire(previewed.id()).then(Mono.error(outdated(now.size(), previewed.targets().size()))));
                })
                .flatMap(id -> Mono.fromRunnable(() -> runner.runInBackground(id)).then(jobs.find(siteId, id)));
    }

    private Mono<List<UUID>> targets(String siteId, CustomerQuery query) {
        if (query == null) {
            return Mono.error(ProblemException.invalidField("query", "say which customers: {} for all of them"));
        }
        search.check(query);
        return search.ids(siteId, query, MAX_CUSTOMERS + 1).collectList().flatMap(ids -> ids.size() > MAX_CUSTOMERS
                ? Mono.error(ProblemException.invalidField("query", "finds more than " + MAX_CUSTOMERS
                        + " customers, the most one job works on; narrow it"))
                : Mono.just(ids));
    }

    private static ProblemException outdated(int now, int previewed) {
        return new ProblemException(HttpStatus.CONFLICT, "deletion-preview-outdated", "Customers changed since the preview",
                "The query now finds " + now + " customers, not the " + previewed + " previewed: preview the deletion again.");
    }

    record DeletionPreview(int count, String token, Instant expiresAt) {
    }
}
