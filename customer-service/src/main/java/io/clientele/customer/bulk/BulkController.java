package io.clientele.customer.bulk;

import io.clientele.customer.search.CustomerQuery;
import io.clientele.platform.security.SiteGrant;
import io.clientele.platform.web.PageLimits;
import io.clientele.platform.web.ProblemException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bulk changes and deletions of the customers a query finds, as jobs: {@code POST .../customers/bulk-changes},
 * {@code POST .../customers/bulk-deletions/preview} then {@code POST .../customers/bulk-deletions}; the job's
 * progress at {@code GET .../bulk-jobs/{id}}, and every job the site ran, newest first, at {@code GET .../bulk-jobs}.
 */
@RestController
@RequestMapping("/api/v1/sites/{siteId}")
class BulkController {

    private final BulkService service;
    private final BulkJobs jobs;

    BulkController(BulkService service, BulkJobs jobs) {
        this.service = service;
        this.jobs = jobs;
    }

    @PostMapping("/customers/bulk-changes")
    Mono<ResponseEntity<BulkJob>> change(@PathVariable String siteId, @RequestBody ChangeRequest request,
                                         @AuthenticationPrincipal Jwt token) {
        return service.change(siteId, request.query(), new BulkChange(request.set(), request.addTags(), request.removeTags(),
                        request.addGroups(), request.removeGroups()), author(token))
                .map(job -> accepted(siteId, job));
    }

    @PostMapping("/customers/bulk-deletions/preview")
    Mono<BulkService.DeletionPreview> preview(@PathVariable String siteId, @RequestBody QueryRequest request,
                                              @AuthenticationPrincipal Jwt token) {
        return service.previewDeletion(siteId, request.query(), author(token));
    }

    @PostMapping("/customers/bulk-deletions")
    Mono<ResponseEntity<BulkJob>> delete(@PathVariable String siteId, @RequestBody DeleteRequest request,
                                         @AuthenticationPrincipal Jwt token) {
        return service.confirmDeletion(siteId, request.token(), request.reason(), author(token))
                .map(job -> accepted(siteId, job));
    }

    @GetMapping("/bulk-jobs/{jobId}")
    Mono<BulkJob> job(@PathVariable String siteId, @PathVariable UUID jobId) {
        return jobs.find(siteId, jobId).switchIfEmpty(Mono.error(() -> ProblemException.notFound("bulk job", jobId.toString())));
    }

    @GetMapping("/bulk-jobs")
    Flux<BulkJob> jobs(@PathVariable String siteId, @RequestParam(defaultValue = "50") int limit) {
        return jobs.list(siteId, PageLimits.checked(limit));
    }

    private static ResponseEntity<BulkJob> accepted(String siteId, BulkJob job) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/sites/" + siteId + "/bulk-jobs/" + job.id()))
                .body(job);
    }

    private static String author(Jwt token) {
        return SiteGrant.actor(token);
    }

    record ChangeRequest(CustomerQuery query, Map<String, Object> set, List<String> addTags, List<String> removeTags,
                         List<String> addGroups, List<String> removeGroups) {
    }

    record QueryRequest(CustomerQuery query) {
    }

    record DeleteRequest(String token, String reason) {
    }
}
