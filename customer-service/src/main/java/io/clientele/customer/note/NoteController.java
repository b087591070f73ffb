package io.clientele.customer.note;

import io.clientele.customer.customer.CustomerStore;
import io.clientele.platform.security.SiteGrant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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

    private final Notes notes;
    private final NoteTaking taking;
    private final CustomerStore customers;

    NoteController(Notes notes, NoteTaking taking, CustomerStore customers) {
        this.notes = notes;
        this.taking = taking;
        this.customers = customers;
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
        return taking.add(siteId, customerId, SiteGrant.actor(token), body.text());
    }

    record NoteText(String text) {
    }
}
