package io.clientele.access.request;

import io.clientele.platform.web.PageLimits;
import io.clientele.platform.web.ProblemException;
import java.util.Arrays;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class AccessRequestController {

    private final AccessRequestRepository requests;

    AccessRequestController(AccessRequestRepository requests) {
        this.requests = requests;
    }

    @GetMapping("/api/v1/sites/{siteId}/access-requests")
    Mono<AccessRequestPage> list(@PathVariable String siteId, @RequestParam(required = false) String status,
                                 @RequestParam(defaultValue = "50") int limit) {
        AccessRequestStatus wanted;
        try {
            wanted = status == null ? null : AccessRequestStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return Mono.error(ProblemException.invalidField("status",
                    "must be one of " + Arrays.toString(AccessRequestStatus.values())));
        }
        return requests.list(siteId, wanted, PageLimits.checked(limit)).collectList().map(items -> new AccessRequestPage(items, limit));
    }
}
