package io.clientele.customer.imports;

import io.clientele.customer.customer.CustomerStore;
import io.clientele.customer.customer.StoredCustomer;
import io.clientele.events.ImportBatchRequested;
import io.clientele.events.ImportRow;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Finds, with one query per batch, every customer of the site that has an identity one of the rows names. */
@Component
class ImportMatching {

    private final DatabaseClient db;
    private final CustomerStore store;

    ImportMatching(DatabaseClient db, CustomerStore store) {
        this.db = db;
        this.store = store;
    }

    Mono<ExistingCustomers> existing(ImportBatchRequested batch) {
        List<ImportRow> rows = batch.getRows();
        String[] emails = rows.stream().map(ExistingCustomers::email).filter(Objects::nonNull).toArray(String[]::new);
        Map<ImportRow, List<String>> phonesOfRow = new IdentityHashMap<>();
        rows.forEach(row -> phonesOfRow.put(row, ExistingCustomers.phones(row).toList()));
        String[] phones = phonesOfRow.values().stream().flatMap(List::stream).toArray(String[]::new);
        String[] externalIds = rows.stream().map(ImportRow::getExternalId).filter(Objects::nonNull)
                .map(String::strip).toArray(String[]::new);
        return db.sql("""
                        SELECT id FROM customers WHERE site_id = :siteId AND email_normalized = ANY(:emails)
                        UNION SELECT id FROM customers WHERE site_id = :siteId AND sms_number = ANY(:phones)
                        UNION SELECT id FROM customers WHERE site_id = :siteId AND phone = ANY(:phones)
                        UNION SELECT customer_id FROM customer_external_ids
                        WHERE site_id = :siteId AND system = :system AND external_id = ANY(:externalIds)""")
                .bind("siteId", batch.getSiteId()).bind("system", batch.getExternalIdSystem())
                .bind("emails", emails).bind("phones", phones).bind("externalIds", externalIds)
                .map(row -> row.get("id", UUID.class)).all().collectList()
                .flatMap(ids -> ids.isEmpty() ? Mono.just(List.<StoredCustomer>of())
                        : store.findAll(batch.getSiteId(), ids).collectList())
                .map(customers -> new ExistingCustomers(customers, batch.getExternalIdSystem(), phonesOfRow));
    }
}
