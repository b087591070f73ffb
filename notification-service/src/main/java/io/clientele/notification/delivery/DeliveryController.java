package io.clientele.notification.delivery;

import io.clientele.platform.web.ProblemException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class DeliveryController {

    private final DeliveryLog log;

    DeliveryController(DeliveryLog log) {
        this.log = log;
    }

    @GetMapping("/api/v1/sites/{siteId}/notifications")
    Mono<DeliveryPage> list(@PathVariable String siteId,
                            @RequestParam(required = false) String status,
                            @RequestParam(required = false) String template,
                            @RequestParam(required = false) String recipient,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                            @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        DeliveryFilter filter = new DeliveryFilter(status, template, recipient, from, to, limit, offset);
        return log.list(siteId, filter).collectList().map(items -> new DeliveryPage(items, limit));
    }

    /** Sends a FAILED message again. */
    @PostMapping("/api/v1/sites/{siteId}/notifications/{notificationId}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Map<String, Object>> resend(@PathVariable String siteId, @PathVariable UUID notificationId) {
        return log.requeueFailed(siteId, notificationId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("notification", notificationId.toString())))
                .flatMap(before -> "FAILED".equals(before)
                        ? Mono.just(Map.<String, Object>of("id", notificationId, "status", "QUEUED"))
                        : Mono.error(new ProblemException(HttpStatus.CONFLICT, "notification-not-failed",
                                "Only a failed message can be sent again", "Message " + notificationId + " is " + before + ".")));
    }
}
