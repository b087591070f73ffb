package io.clientele.customer.customer;

import io.clientele.platform.sql.ArrayLiterals;
import io.clientele.platform.web.ProblemException;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Whole customer records: read with every field, written from a validated draft. */
@Repository
public class CustomerStore {

    private static final String SELECT_ALL = "SELECT " + CustomerRows.selectList(CustomerFields.all())
            + ", c.version FROM customers c ";

    private static final String UNNESTED = unnested();
    private static final String INSERT = "INSERT INTO customers (id, site_id, source_channel, marketing_opt_in, "
            + "consent_updated_at, " + CustomerColumns.names()
            + ") SELECT x.id, :siteId, :sourceChannel, x.id = ANY(:optedIn), "
            + "CASE WHEN x.id = ANY(:optedIn) THEN CAST(:consentAt AS timestamptz) END, "
            + CustomerColumns.WRITABLE.stream().map(CustomerColumns.Column::fromUnnested).collect(Collectors.joining(", "))
            + " FROM " + UNNESTED;
    private static final String SET_WRITABLE = CustomerColumns.WRITABLE.stream()
            .map(column -> column.name() + " = " + column.fromUnnested()).collect(Collectors.joining(", "))
            + ", updated_at = now(), version = c.version + 1";
    private static final String UPDATE = "UPDATE customers c SET " + SET_WRITABLE + " FROM " + UNNESTED
            + " WHERE c.site_id = :siteId AND c.id = x.id";
    private static final String UPDATE_WITH_GROUPS = "UPDATE customers c SET " + SET_WRITABLE
            + ", group_names = CAST(x.group_names AS text[]) FROM " + unnested("group_names")
            + " WHERE c.site_id = :siteId AND c.id = x.id";

    private final DatabaseClient db;

    CustomerStore(DatabaseClient db) {
        this.db = db;
    }

    /** The ids and the writable columns, then these columns, each bound as an array of text. */
    private static String unnested(String... extraColumns) {
        List<String> columns = Stream.concat(CustomerColumns.WRITABLE.stream().map(CustomerColumns.Column::name),
                Stream.of(extraColumns)).toList();
        return "unnest(CAST(:ids AS uuid[]), "
                + columns.stream().map(column -> "CAST(:" + column + " AS text[])").collect(Collectors.joining(", "))
                + ") AS x (id, " + String.join(", ", columns) + ")";
    }

    /** The customer, or empty when the site has none with this id. */
    public Mono<StoredCustomer> find(String siteId, UUID id) {
        return db.sql(SELECT_ALL + "WHERE c.site_id = :siteId AND c.id = :id").bind("siteId", siteId).bind("id", id)
                .map(CustomerStore::stored).one();
    }

    /** The customer, or a 404 problem. */
    public Mono<StoredCustomer> existing(String siteId, UUID id) {
        return find(siteId, id).switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    /**
     * The customer, locked until the transaction ends so that concurrent changes apply one after the other, or a
     * 404 problem.
     */
    public Mono<StoredCustomer> lock(String siteId, UUID id) {
        return db.sql(SELECT_ALL + "WHERE c.site_id = :siteId AND c.id = :id FOR UPDATE OF c")
                .bind("siteId", siteId).bind("id", id)
                .map(CustomerStore::stored).one()
                .switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    /** These customers of the site as they now are, in no particular order. */
    public Flux<StoredCustomer> findAll(String siteId, Collection<UUID> ids) {
        return db.sql(SELECT_ALL + "WHERE c.site_id = :siteId AND c.id = ANY(:ids)")
                .bind("siteId", siteId).bind("ids", ids.toArray(UUID[]::new))
                .map(CustomerStore::stored)
                .all();
    }

    /** These customers of the site, locked until the transaction ends. */
    public Flux<StoredCustomer> lockAll(String siteId, Collection<UUID> ids) {
        return db.sql(SELECT_ALL + "WHERE c.site_id = :siteId AND c.id = ANY(:ids) FOR UPDATE OF c")
                .bind("siteId", siteId).bind("ids", ids.toArray(UUID[]::new))
                .map(CustomerStore::stored)
                .all();
    }

    /**
     * Says that this transaction writes the group names of the customers whose memberships it changes itself
     * ({@link #updateAll(String, Map, Map)}), so that the memberships' trigger leaves them.
     */
    public Mono<Void> writingGroupNames() {
        return db.sql("SELECT set_config('clientele.group_names_written', 'on', true)").then();
    }

    private static StoredCustomer stored(Readable row) {
        return new StoredCustomer(CustomerRows.read(row, CustomerFields.all()), row.get("version", Long.class));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("customer", id.toString());
    }

    Mono<Void> insert(String siteId, UUID id, CustomerDraft draft, String sourceChannel) {
        return insertAll(siteId, Map.of(id, draft), sourceChannel, Set.of(), Instant.now());
    }

    /**
     * Inserts the customers with one statement, whatever their number.
     *
     * @param optedIn those of them who gave marketing consent at {@code consentAt}, the ledger entry being the
     *                caller's to append
     */
    public Mono<Void> insertAll(String siteId, Map<UUID, CustomerDraft> drafts, String sourceChannel, Set<UUID> optedIn,
                                Instant consentAt) {
        if (drafts.isEmpty()) {
            return Mono.empty();
        }
        return bindColumns(db.sql(INSERT), drafts)
                .bind("siteId", siteId).bind("sourceChannel", sourceChannel)
                .bind("optedIn", optedIn.toArray(UUID[]::new)).bind("consentAt", consentAt)
                .then()
                .then(replaceExternalIds(siteId, drafts));
    }

    /** Writes the draft over the customer, as a new version. */
    Mono<Void> update(String siteId, UUID id, CustomerDraft draft) {
        return updateAll(siteId, Map.of(id, draft));
    }

    /** Writes each draft over its customer, with one statement whatever their number; each gets a new version. */
    public Mono<Void> updateAll(String siteId, Map<UUID, CustomerDraft> drafts) {
        if (drafts.isEmpty()) {
            return Mono.empty();
        }
        return bindColumns(db.sql(UPDATE), drafts).bind("siteId", siteId).then()
                .then(replaceExternalIds(siteId, drafts));
    }

    /**
     * Writes each draft over its customer with the groups beside it as the customer's group names, with one
     * statement: for a writer that changed the memberships itself and said so (clientele.group_names_written), so
     * that each customer gets one new row version rather than two.
     */
    public Mono<Void> updateAll(String siteId, Map<UUID, CustomerDraft> drafts, Map<UUID, List<String>> groupNames) {
        if (drafts.isEmpty()) {
            return Mono.empty();
        }
        String[] names = drafts.keySet().stream().map(id -> ArrayLiterals.of(groupNames.get(id))).toArray(String[]::new);
        return bindColumns(db.sql(UPDATE_WITH_GROUPS), drafts).bind("siteId", siteId).bind("group_names", names).then()
                .then(replaceExternalIds(siteId, drafts));
    }

    /** Marks a change kept outside the record (notes, groups) as a new version of each customer. */
    public Mono<Void> touch(Collection<UUID> ids) {
        return db.sql("UPDATE customers SET updated_at = now(), version = version + 1 WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new)).then();
    }

    private Mono<Void> replaceExternalIds(String siteId, Map<UUID, CustomerDraft> drafts) {
        List<UUID> customers = new ArrayList<>();
        List<String> systems = new ArrayList<>();
        List<String> externalIds = new ArrayList<>();
        drafts.forEach((id, draft) -> draft.externalIds().forEach((system, externalId) -> {
            customers.add(id);
            systems.add(system);
            externalIds.add(externalId);
        }));
        Mono<Void> insert = customers.isEmpty() ? Mono.empty() : db.sql("""
                        INSERT INTO customer_external_ids (site_id, customer_id, system, external_id)
                        SELECT :siteId, c, s, e
                        FROM unnest(CAST(:customers AS uuid[]), CAST(:systems AS text[]), CAST(:ids AS text[])) AS x (c, s, e)""")
                .bind("siteId", siteId)
                .bind("customers", customers.toArray(UUID[]::new))
                .bind("systems", systems.toArray(String[]::new))
                .bind("ids", externalIds.toArray(String[]::new))
                .then();
        return db.sql("DELETE FROM customer_external_ids WHERE customer_id = ANY(:ids)")
                .bind("ids", drafts.keySet().toArray(UUID[]::new)).then()
                .then(insert);
    }

    private static GenericExecuteSpec bindColumns(GenericExecuteSpec sql, Map<UUID, CustomerDraft> drafts) {
        List<CustomerDraft> ordered = List.copyOf(drafts.values());
        GenericExecuteSpec bound = sql.bind("ids", drafts.keySet().toArray(UUID[]::new));
        for (CustomerColumns.Column column : CustomerColumns.WRITABLE) {
            bound = bound.bind(column.name(), CustomerColumns.values(column, ordered));
        }
        return bound;
    }
}
