package io.clientele.imports.customer;

import io.clientele.events.CustomerErased;
import io.clientele.platform.erasure.ErasureConfirmation;
import io.clientele.platform.outbox.Outbox;
import io.clientele.schemas.Topics;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Erases a customer from the site's imports: every row that became the customer, or holds one of their identifiers
 * in a cell (the e-mail as typed, or a phone's digits), is kept as a row with its cells blanked (the import's counts
 * stay right), and the batch commands already sent with those rows leave the outbox; then confirms it
 * (CustomerErasureConfirmed).
 */
@Component
class CustomerErasure {

    static final String SERVICE = "import-service";

    private final DatabaseClient db;
    private final Outbox outbox;

    CustomerErasure(DatabaseClient db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    Mono<Void> erase(CustomerErased erased) {
        return db.sql("""
                        UPDATE import_rows r SET cells = array_fill(''::text, ARRAY[cardinality(r.cells)]),
                            reason = CASE WHEN r.reason IS NULL THEN NULL ELSE 'erased' END, customer_id = NULL
                        FROM imports i
                        WHERE i.id = r.import_id AND i.site_id = :siteId
                          AND (r.customer_id = :customerId OR EXISTS (SELECT 1 FROM unnest(r.cells) AS cell
                               WHERE encode(sha256(convert_to(lower(trim(cell)), 'UTF8')), 'hex') = ANY(:hashes)
                                  OR encode(sha256(convert_to(regexp_replace(cell, '[^0-9]', '', 'g'), 'UTF8')), 'hex') = ANY(:hashes)))
                        RETURNING r.import_id""")
                .bind("siteId", erased.getSiteId()).bind("customerId", UUID.fromString(erased.getCustomerId()))
                .bind("hashes", erased.getIdentifierHashes().toArray(String[]::new))
                .map(row -> row.get("import_id", UUID.class).toString())
                .all()
                .collectList()
                .flatMap(imports -> (imports.isEmpty() ? Mono.just(0L)
                        : outbox.forgetSent("import", imports.stream().distinct().toList()))
                        .map(commands -> imports.size() + commands))
                .flatMap(count -> ErasureConfirmation.confirm(outbox, erased, SERVICE, Topics.IMPORT_EVENTS, count));
    }
}
