package io.clientele.customer.merge;

import io.clientele.platform.web.PageLimits;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Likely duplicates of a site ({@code GET .../customers/duplicates}, paged with {@code after}) and the merge of one
 * customer into another ({@code POST .../customers/{id}/merge}).
 */
@RestController
@RequestMapping("/api/v1/sites/{siteId}/customers")
class MergeController {

    private final DuplicateFinder duplicates;
    private final CustomerMerge merge;

    MergeController(DuplicateFinder duplicates, CustomerMerge merge) {
        this.duplicates = duplicates;
        this.merge = merge;
    }

    @GetMapping("/duplicates")
    Mono<DuplicateFinder.DuplicatePage> duplicates(@PathVariable String siteId, @RequestParam(defaultValue = "50") int limit,
                                                   @RequestParam(required = false) String after) {
        return duplicates.page(siteId, PageLimits.checked(limit), after);
    }

    /**
     * Merges the customer {@code mergedCustomerId} into this one; {@code fieldsFromMerged} names the fields whose value
     * is taken from the merged customer even though this one has a value.
     */
    @PostMapping("/{customerId}/merge")
    Mono<ResponseEntity<Map<String, Object>>> merge(@PathVariable String siteId, @PathVariable UUID customerId,
                                                    @RequestBody MergeRequest request) {
        return merge.merge(siteId, customerId, request.mergedCustomerId(), request.fieldsFromMerged())
                .map(survivor -> ResponseEntity.ok().eTag(survivor.etag()).body(survivor.fields()));
    }

    record MergeRequest(UUID mergedCustomerId, List<String> fieldsFromMerged) {
    }
}
