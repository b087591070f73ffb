package io.clientele.customer.customer;

import io.clientele.customer.site.Site;
import io.clientele.customer.site.SiteRepository;
import io.clientele.customer.timeline.Timeline;
import io.clientele.events.CustomerCreated;
import io.clientele.platform.json.JsonDetails;
import io.clientele.platform.outbox.Outbox;
import io.clientele.platform.web.ProblemException;
import io.clientele.schemas.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Creates, changes and deletes customer records. Each change is checked against the site's policy, written with
 * its events (CustomerCreated, CustomerUpdated, CustomerDeleted) and timeline entry in one transaction, and refused
 * with 412 when the caller's If-Match names an older version.
 */
@Service
public class CustomerService {

    private final CustomerStore store;
    private final SiteRepository sites;
    private final Timeline timeline;
    private final Outbox outbox;
    private final CustomerRemoval removal;
    private final TransactionalOperator tx;

    CustomerService(CustomerStore store, SiteRepository sites, Timeline timeline, Outbox outbox, CustomerRemoval removal,
                    TransactionalOperator tx) {
        this.store = store;
        this.removal = removal;
        this.sites = sites;
        this.timeline = timeline;
        this.outbox = outbox;
        this.tx = tx;
    }

    /**
     * A customer created by hand.
     *
     * @param invite whether access-service invites them to set a password (they need an e-mail address and an
     *               active account)
     * @param more   what is done with the new customer in the same transaction (groups, consent, notes)
     */
    public Mono<StoredCustomer> create(String siteId, Map<String, Object> body, boolean invite,
                                       java.util.function.Function<UUID, Mono<Void>> more) {
        UUID id = UUID.randomUUID();
        return policy(siteId)
                .map(site -> invitable(CustomerValidation.validated(CustomerDrafts.whole(body), site.requireNames()), invite))
                .flatMap(draft -> tx.transactional(store.insert(siteId, id, draft, "MANUAL")
                        .then(store.find(siteId, id))
                        .flatMap(created -> outbox.add(Topics.CUSTOMER_EVENTS, "customer", id.toString(),
                                        CustomerCreated.newBuilder(CustomerEvents.created(siteId, created.fields()))
                                                .setInvite(invite).build())
                                .then(publish(siteId, id, CustomerEvents.changed(siteId, created.fields(),
                                        List.copyOf(CustomerDrafts.FIELDS), null, false)))
                                .then(timeline.record(siteId, id, "CREATED", "MANUAL", "{}", Instant.now())))
                        .then(Mono.defer(() -> more.apply(id)))
                        .then(store.find(siteId, id))))
                .onErrorMap(DataIntegrityViolationException.class, CustomerService::conflict);
    }

    private static CustomerDraft invitable(CustomerDraft draft, boolean invite) {
        if (invite && draft.email() == null) {
            throw ProblemException.invalidField("invite", "the invitation is e-mailed: the customer needs an e-mail address");
        }
        if (invite && Boolean.FALSE.equals(draft.accountActive())) {
            throw ProblemException.invalidField("invite", "the customer's account is inactive: activate it to invite them");
        }
        return draft;
    }

    /**
     * Replaces the customer (a whole body) or merges a JSON merge patch into it.
     *
     * @param ifMatch      the ETag the caller last read, or null to write whatever the version
     * @param emailCascade when the e-mail changes: whether subscriptions under the old address follow it
     */
    Mono<StoredCustomer> change(String siteId, UUID id, Map<String, Object> body, boolean patch, String ifMatch,
                                boolean emailCascade) {
        return policy(siteId).flatMap(site -> tx.transactional(store.lock(siteId, id)
                        .flatMap(stored -> {
                            checkVersion(stored, ifMatch);
                            CustomerDraft before = CustomerDrafts.stored(stored.fields());
                            CustomerDraft after = CustomerValidation.validated(
                                    patch ? CustomerDrafts.patched(before, body) : CustomerDrafts.whole(body),
                                    site.requireNames());
                            List<String> changed = CustomerDrafts.changedFields(before, after);
                            return changed.isEmpty() ? Mono.just(stored) : write(siteId, id, before, after, changed, emailCascade);
                        })))
                .onErrorMap(DataIntegrityViolationException.class, CustomerService::conflict);
    }

    private Mono<StoredCustomer> write(String siteId, UUID id, CustomerDraft before, CustomerDraft after, List<String> changed,
                                       boolean emailCascade) {
        boolean emailChanged = changed.contains("email");
        return store.update(siteId, id, after)
                .then(store.find(siteId, id))
                .flatMap(updated -> publish(siteId, id, CustomerEvents.changed(siteId, updated.fields(), changed,
                                emailChanged ? before.email() : null, emailChanged && emailCascade))
                        .then(timeline.record(siteId, id, "UPDATED", null,
                                new JsonDetails().put("fields", String.join(",", changed)).toString(), Instant.now()))
                        .thenReturn(updated));
    }

    private Mono<Void> publish(String siteId, UUID id, List<SpecificRecord> events) {
        return outbox.addAll(Topics.CUSTOMER_EVENTS, "customer",
                events.stream().map(event -> Map.entry(id.toString(), event)).toList());
    }

    Mono<Void> delete(String siteId, UUID id, String ifMatch, boolean erase) {
        return tx.transactional(store.lock(siteId, id)
                .flatMap(stored -> {
                    checkVersion(stored, ifMatch);
                    return removal.remove(siteId, id, erase).then();
                }));
    }

    private Mono<Site> policy(String siteId) {
        return sites.find(siteId).switchIfEmpty(Mono.error(() -> ProblemException.notFound("site", siteId)));
    }

    private static void checkVersion(StoredCustomer stored, String ifMatch) {
        if (ifMatch != null && !ifMatch.equals("*") && !Objects.equals(ifMatch.replace("W/", ""), stored.etag())) {
            throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "stale-customer", "Customer changed since read",
                    "The customer is at version " + stored.etag() + ", not " + ifMatch + ": read it again and retry.");
        }
    }

    /** An e-mail or external id that another customer of the site has. */
    private static Throwable conflict(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMessage());
        String field = message.contains("customers_one_per_email") ? "email"
                : message.contains("customer_external_ids_pkey") ? "externalIds" : null;
        if (field == null) {
            return e;
        }
        return ProblemException.ofFields(HttpStatus.CONFLICT, "customer-identity-taken", "Identity taken",
                List.of(new ProblemException.FieldError(field, "another customer of the site has it")));
    }
}
