package io.clientele.customer.group;

import io.clientele.customer.customer.CustomerChanges;
import io.clientele.customer.search.CustomerQuery;
import io.clientele.customer.search.CustomerSearch;
import io.clientele.events.GroupChange;
import io.clientele.events.GroupChanged;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import io.clientele.platform.web.ProblemException;
import io.clientele.schemas.Topics;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Groups of a site: created, renamed and deleted (GroupChanged on site.events), and members added or removed by id
 * or by a query's result (CustomerUpdated for each customer whose groups changed), each in one transaction.
 */
@Service
public class GroupService {

    /** The most customers one call puts in or takes out of a group. */
    static final int MAX_MEMBERS_PER_CHANGE = 100_000;
    private static final int EVENT_BATCH = 1_000;

    private final GroupRepository groups;
    private final CustomerChanges changes;
    private final CustomerSearch search;
    private final Outbox outbox;
    private final TransactionalOperator tx;

    GroupService(GroupRepository groups, CustomerChanges changes, CustomerSearch search, Outbox outbox,
                 TransactionalOperator tx) {
        this.groups = groups;
        this.changes = changes;
        this.search = search;
        this.outbox = outbox;
        this.tx = tx;
    }

    Mono<GroupSize> create(String siteId, String name) {
        return tx.transactional(groups.create(siteId, name)
                .flatMap(created -> created ? published(siteId, GroupChange.CREATED, name, null)
                        : Mono.error(taken(name)))
                .then(groups.find(siteId, name)));
    }

    Mono<GroupSize> rename(String siteId, String name, String newName) {
        return tx.transactional(groups.find(siteId, newName).flatMap(existing -> Mono.<Boolean>error(taken(newName)))
                .switchIfEmpty(groups.rename(siteId, name, newName))
                .flatMap(renamed -> renamed ? published(siteId, GroupChange.RENAMED, newName, name) : Mono.error(notFound(name)))
                .then(groups.find(siteId, newName)));
    }

    Mono<Void> delete(String siteId, String name) {
        return tx.transactional(groups.delete(siteId, name)
                .flatMap(deleted -> deleted ? published(siteId, GroupChange.DELETED, name, null) : Mono.error(notFound(name))));
    }

    /** Creates the group when it does not exist yet and puts the customers the query finds in it. */
    Mono<GroupSize> addMatching(String siteId, String name, CustomerQuery query) {
        search.check(query);
        return search.ids(siteId, query, MAX_MEMBERS_PER_CHANGE + 1).collectList().flatMap(ids -> {
            if (ids.size() > MAX_MEMBERS_PER_CHANGE) {
                return Mono.error(ProblemException.invalidField("query", "finds more than " + MAX_MEMBERS_PER_CHANGE
                        + " customers; narrow it"));
            }
            return tx.transactional(groups.create(siteId, name)
                    .flatMap(created -> created ? published(siteId, GroupChange.CREATED, name, null) : Mono.empty())
                    .then(changeMembers(siteId, ids, chunk -> groups.addMembers(siteId, name, chunk)))
                    .then(groups.find(siteId, name)));
        });
    }

    Mono<GroupSize> addMembers(String siteId, String name, List<UUID> customerIds) {
        return tx.transactional(existing(siteId, name)
                .then(changeMembers(siteId, customerIds, chunk -> groups.addMembers(siteId, name, chunk)))
                .then(groups.find(siteId, name)));
    }

    Mono<GroupSize> removeMembers(String siteId, String name, List<UUID> customerIds) {
        return tx.transactional(existing(siteId, name)
                .then(changeMembers(siteId, customerIds, chunk -> groups.removeMembers(siteId, name, chunk)))
                .then(groups.find(siteId, name)));
    }

    /**
     * Puts each customer in the group beside it, creating the groups the site does not have yet. The caller
     * publishes the customers, whose other changes usually go with it.
     */
    public Mono<Void> join(String siteId, List<UUID> customerIds, List<String> names) {
        if (customerIds.isEmpty()) {
            return Mono.empty();
        }
        return groups.createAll(siteId, new TreeSet<>(names))
                .concatMap(created -> published(siteId, GroupChange.CREATED, created, null))
                .then(groups.addMemberships(siteId, customerIds, names));
    }

    /**
     * Puts the customers in each of the groups, creating those the site does not have yet; answers the customers
     * whose groups changed. The caller publishes them.
     */
    public Flux<UUID> addToAll(String siteId, Collection<String> names, List<UUID> customerIds) {
        return groups.createAll(siteId, new TreeSet<>(names))
                .concatMap(created -> published(siteId, GroupChange.CREATED, created, null))
                .thenMany(Flux.fromIterable(names).concatMap(name -> groups.addMembers(siteId, name, customerIds)))
                .distinct();
    }

    /** Takes the customers out of each of the groups; answers those whose groups changed. The caller publishes them. */
    public Flux<UUID> removeFromAll(String siteId, Collection<String> names, List<UUID> customerIds) {
        return Flux.fromIterable(names).concatMap(name -> groups.removeMembers(siteId, name, customerIds)).distinct();
    }

    private Mono<GroupSize> existing(String siteId, String name) {
        return groups.find(siteId, name).switchIfEmpty(Mono.error(() -> notFound(name)));
    }

    /** Applies the change a chunk at a time and publishes the customers it changed as they now are. */
    private Mono<Void> changeMembers(String siteId, List<UUID> customerIds, Function<List<UUID>, Flux<UUID>> change) {
        return Flux.fromIterable(customerIds).buffer(EVENT_BATCH)
                .concatMap(chunk -> change.apply(chunk).collectList())
                .filter(changed -> !changed.isEmpty())
                .concatMap(changed -> changes.published(siteId, changed, List.of("groups")))
                .then();
    }

    private Mono<Void> published(String siteId, GroupChange change, String name, String previousName) {
        return outbox.add(Topics.GROUP_EVENTS, "site", siteId, GroupChanged.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(siteId)
                .setChange(change)
                .setName(name)
                .setPreviousName(previousName)
                .build());
    }

    private static ProblemException notFound(String name) {
        return ProblemException.notFound("group", name);
    }

    private static ProblemException taken(String name) {
        return new ProblemException(HttpStatus.CONFLICT, "group-exists", "Group exists", "The site has a group " + name + " already.");
    }
}
