package io.clientele.customer.creation;

import io.clientele.customer.consent.ConsentChanges;
import io.clientele.customer.customer.CustomerService;
import io.clientele.customer.customer.StoredCustomer;
import io.clientele.customer.membership.MembershipService;
import io.clientele.customer.note.NoteTaking;
import io.clientele.platform.group.GroupNames;
import io.clientele.platform.web.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creating a customer by hand in one step, with what an owner adds at once ("+ more options"): groups, the e-mail
 * marketing opt-in with its evidence, notes, and an invitation to set a password. All of it is one transaction: a
 * part that is refused leaves no customer behind.
 */
@Service
class CustomerCreation {

    private static final Set<String> MORE_OPTIONS = Set.of("groups", "consent", "notes", "invite");

    private final CustomerService customers;
    private final MembershipService memberships;
    private final ConsentChanges consents;
    private final NoteTaking notes;

    CustomerCreation(CustomerService customers, MembershipService memberships, ConsentChanges consents, NoteTaking notes) {
        this.customers = customers;
        this.memberships = memberships;
        this.consents = consents;
        this.notes = notes;
    }

    Mono<StoredCustomer> create(String siteId, Map<String, Object> body, String collaborator) {
        return Mono.fromCallable(() -> MoreOptions.of(body)).flatMap(more -> {
            Map<String, Object> fields = new LinkedHashMap<>(body);
            fields.keySet().removeAll(MORE_OPTIONS);
            return customers.create(siteId, fields, more.invite(), id -> addTo(siteId, id, more, collaborator));
        });
    }

    private Mono<Void> addTo(String siteId, UUID id, MoreOptions more, String collaborator) {
        Mono<Void> groups = more.groups().isEmpty() ? Mono.empty() : memberships.addGroups(siteId, id, more.groups()).then();
        Mono<Void> consent = more.consent() == null ? Mono.empty() : consents.byHand(siteId, id, more.consent().optedIn(),
                more.consent().source(), more.consent().evidence(), collaborator).then();
        return groups.then(consent)
                .thenMany(Flux.fromIterable(more.notes()).concatMap(text -> notes.add(siteId, id, collaborator, text)))
                .then();
    }

    /** What a creation's body asks beside the customer's fields, checked before anything is written. */
    record MoreOptions(Set<String> groups, Consent consent, List<String> notes, boolean invite) {

        @SuppressWarnings("unchecked")
        static MoreOptions of(Map<String, Object> body) {
            Set<String> groups = body.get("groups") == null ? Set.of() : GroupNames.checked("groups", list(body, "groups")
                    .stream().map(name -> name instanceof String text ? text : invalid("groups", "is a list of group names"))
                    .toList());
            Consent consent = null;
            if (body.get("consent") instanceof Map<?, ?> asked) {
                Map<String, Object> given = (Map<String, Object>) asked;
                Set<String> unknown = new java.util.TreeSet<>(given.keySet());
                unknown.removeAll(Set.of("optedIn", "source", "evidence"));
                if (!unknown.isEmpty()) {
                    invalid("consent", "has optedIn, source and evidence only, not " + unknown);
                }
                Object optedIn = given.get("optedIn");
                if (optedIn != null && !(optedIn instanceof Boolean)) {
                    invalid("consent.optedIn", "is true or false");
                }
                String source = ConsentChanges.checkedSource("consent", (Boolean) optedIn,
                        given.get("source") == null ? null : String.valueOf(given.get("source")));
                if (given.get("evidence") != null && !(given.get("evidence") instanceof Map<?, ?>)) {
                    invalid("consent.evidence", "is an object saying how the consent was given");
                }
                consent = new Consent((Boolean) optedIn, source, (Map<String, Object>) given.get("evidence"));
            } else if (body.get("consent") != null) {
                invalid("consent", "is an object: {\"optedIn\": true, \"source\": \"manual\", \"evidence\": {...}}");
            }
            List<String> notes = list(body, "notes").stream().map(note -> note instanceof Map<?, ?> written
                    ? NoteTaking.checked("notes.text", written.get("text") == null ? null : String.valueOf(written.get("text")))
                    : invalid("notes", "is a list of {\"text\": \"...\"}")).toList();
            Object invite = body.getOrDefault("invite", false);
            if (!(invite instanceof Boolean)) {
                invalid("invite", "is true or false");
            }
            return new MoreOptions(groups, consent, notes, (Boolean) invite);
        }

        private static List<?> list(Map<String, Object> body, String field) {
            Object value = body.get(field);
            if (value == null) {
                return List.of();
            }
            if (value instanceof List<?> items) {
                return items;
            }
            return invalid(field, "is a list");
        }

        private static <T> T invalid(String field, String message) {
            throw ProblemException.invalidField(field, message);
        }
    }

    record Consent(Boolean optedIn, String source, Map<String, Object> evidence) {
    }
}
