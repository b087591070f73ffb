package io.clientele.notification.delivery;

import io.clientele.platform.web.PageLimits;
import io.clientele.platform.web.ProblemException;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class DeliveryController {

    private static final Set<String> STATUSES = Set.of("QUEUED", "SENT", "FAILED");

    private final DeliveryLog log;

    DeliveryController(DeliveryLog log) {
        this.log = log;
    }

    @GetMapping("/api/v1/sites/{siteId}/notifications")
    Mono<DeliveryPage> list(@PathVariable String siteId, @RequestParam(required = false) String status,
                            @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.invalidField("status", "must be one of QUEUED, SENT, FAILED");
        }
        if (offset < 0) {
            throw ProblemException.invalidField("offset", "must not be negative");
        }
        return log.list(siteId, status, PageLimits.checked(limit), offset).collectList().map(items -> new DeliveryPage(items, limit));
    }
}
