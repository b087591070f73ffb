package io.clientele.customer.note;

import io.clientele.customer.customer.CustomerDetail;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A customer's notes, oldest first, in the customer's answer. */
@Component
class NotesOnCustomer implements CustomerDetail {

    private final Notes notes;

    NotesOnCustomer(Notes notes) {
        this.notes = notes;
    }

    @Override
    public String field() {
        return "notes";
    }

    @Override
    public Mono<?> of(String siteId, UUID customerId) {
        return notes.of(siteId, customerId).collectList();
    }
}
