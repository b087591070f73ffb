package io.clientele.customer.activity;

import io.clientele.customer.customer.CustomerStore;
import io.clientele.customer.timeline.Timeline;
import io.clientele.customer.timeline.TimelineEntry;
import io.clientele.customer.timeline.TimelinePage;
import io.clientele.customer.timeline.TimelineReader;
import io.clientele.platform.web.PageLimits;
import io.clientele.platform.web.ProblemException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer's timeline, newest first: {@code type} (repeatable), {@code from} and {@code to} (ISO instants) filter
 * it, {@code before} pages on. Entries can be recorded by hand, with channel API.
 */
@RestController
@RequestMapping("/api/v1/sites/{siteId}/customers/{customerId}/timeline")
class ActivityController {

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TimelineReader reader;
    private final Timeline timeline;
    private final CustomerStore customers;

    ActivityController(TimelineReader reader, Timeline timeline, CustomerStore customers) {
        this.reader = reader;
        this.timeline = timeline;
        this.customers = customers;
    }

    @GetMapping
    Mono<TimelinePage> page(@PathVariable String siteId, @PathVariable UUID customerId,
                            @RequestParam(required = false) List<String> type,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                            @RequestParam(defaultValue = "50") int limit,
                            @RequestParam(required = false) String before) {
        int checked = PageLimits.checked(limit);
        if (type != null && !type.stream().allMatch(name -> TYPE.matcher(name).matches())) {
            return Mono.error(ProblemException.invalidField("type", "is 2 to 64 capital letters, digits or _, such as UPDATED"));
        }
        return customers.existing(siteId, customerId)
                .then(reader.page(siteId, customerId, type == null ? List.of() : type, from, to, checked, before));
    }

    /** Something that happened outside the platform, such as a call or a purchase in a shop. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TimelineEntry> record(@PathVariable String siteId, @PathVariable UUID customerId,
                               @RequestBody HandEntry entry) {
        if (entry.type() == null || !TYPE.matcher(entry.type()).matches()) {
            return Mono.error(ProblemException.invalidField("type", "is 2 to 64 capital letters, digits or _, such as PHONE_CALL"));
        }
        Instant at = (entry.occurredAt() == null ? Instant.now() : entry.occurredAt()).truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(Instant.now().plusSeconds(60))) {
            return Mono.error(ProblemException.invalidField("occurredAt", "is in the future"));
        }
        Map<String, Object> details = entry.details() == null ? Map.of() : entry.details();
        return customers.existing(siteId, customerId)
                .then(timeline.recordOne(siteId, customerId, entry.type(), "API", JSON.writeValueAsString(details), at))
                .map(id -> new TimelineEntry(id, entry.type(), "API", details, at));
    }

    record HandEntry(String type, Instant occurredAt, Map<String, Object> details) {
    }
}
