package io.clientele.customer.note;

import io.clientele.customer.customer.CustomerChanges;
import io.clientele.customer.customer.CustomerStore;
import io.clientele.customer.timeline.Timeline;
import io.clientele.platform.json.JsonDetails;
import io.clientele.platform.web.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** A note added to a customer by a collaborator: kept, announced as a change of the customer, and on the timeline. */
@Service
public class NoteTaking {

    static final int MAX_LENGTH = 10_000;

    private final Notes notes;
    private final CustomerStore customers;
    private final CustomerChanges changes;
    private final Timeline timeline;
    private final TransactionalOperator tx;

    NoteTaking(Notes notes, CustomerStore customers, CustomerChanges changes, Timeline timeline, TransactionalOperator tx) {
        this.notes = notes;
        this.customers = customers;
        this.changes = changes;
        this.timeline = timeline;
        this.tx = tx;
    }

    /** The note's text as it is kept, or a 400 naming {@code field} when it is empty or too long. */
    public static String checked(String field, String text) {
        String kept = text == null ? "" : text.strip();
        if (kept.isEmpty() || kept.length() > MAX_LENGTH) {
            throw ProblemException.invalidField(field, "a note has 1 to " + MAX_LENGTH + " characters");
        }
        return kept;
    }

    public Mono<Note> add(String siteId, UUID customerId, String author, String text) {
        return Mono.fromCallable(() -> checked("text", text)).flatMap(kept -> tx.transactional(customers.lock(siteId, customerId)
                .flatMap(customer -> notes.add(siteId, customerId, author, kept)
                        .flatMap(note -> changes.published(siteId, customerId, List.of("notes"))
                                .then(timeline.record(siteId, customerId, "NOTE_ADDED", null,
                                        new JsonDetails().put("noteId", String.valueOf(note.id())).put("author", author).toString(),
                                        Instant.now()))
                                .thenReturn(note)))));
    }
}
