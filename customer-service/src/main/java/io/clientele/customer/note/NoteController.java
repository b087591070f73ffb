package io.clientele.customer.note;

import io.clientele.customer.customer.CustomerChanges;
import io.clientele.customer.customer.CustomerStore;
import io.clientele.customer.timeline.Timeline;
import io.clientele.platform.json.JsonDetails;
import io.clientele.platform.security.SiteGrant;
import io.clientele.platform.web.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Notes on a customer, written by the token's subject; each is a new version of the customer (CustomerUpdated). */
@RestController
@RequestMapping("/api/v1/sites/{siteId}/customers/{customerId}/notes")
class NoteController {

    private static final int MAX_LENGTH = 10_000;

    private final Notes notes;
    private final CustomerStore customers;
    private final CustomerChanges changes;
    private final Timeline timeline;
    private final TransactionalOperator tx;

    NoteController(Notes notes, CustomerStore customers, CustomerChanges changes, Timeline timeline, TransactionalOperator tx) {
        this.notes = notes;
        this.customers = customers;
        this.changes = changes;
        this.timeline = timeline;
        this.tx = tx;
    }

    @GetMapping
    Flux<Note> list(@PathVariable String siteId, @PathVariable UUID customerId) {
        return customers.existing(siteId, customerId)
                .thenMany(notes.of(siteId, customerId));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Note> add(@PathVariable String siteId, @PathVariable UUID customerId, @RequestBody NoteText body,
                   @AuthenticationPrincipal Jwt token) {
        String text = body.text() == null ? "" : body.text().strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return Mono.error(ProblemException.invalidField("text", "a note has 1 to " + MAX_LENGTH + " characters"));
        }
        String author = SiteGrant.actor(token);
        return tx.transactional(customers.lock(siteId, customerId)
                .flatMap(customer -> notes.add(siteId, customerId, author, text)
                        .flatMap(note -> changes.published(siteId, customerId, List.of("notes"))
                                .then(timeline.record(siteId, customerId, "NOTE_ADDED", null,
                                        new JsonDetails().put("noteId", String.valueOf(note.id())).put("author", author).toString(),
                                        Instant.now()))
                                .thenReturn(note))));
    }

    record NoteText(String text) {
    }
}
