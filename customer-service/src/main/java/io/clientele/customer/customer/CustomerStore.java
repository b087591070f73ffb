package io.clientele.customer.customer;

import io.clientele.platform.email.EmailAddresses;
import io.clientele.platform.web.ProblemException;
import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Whole customer records: read with every field, written from a validated draft. */
@Repository
public class CustomerStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT_ALL = "SELECT " + CustomerRows.selectList(CustomerFields.all())
            + ", c.version FROM customers c ";

    private final DatabaseClient db;

    CustomerStore(DatabaseClient db) {
        this.db = db;
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
    Flux<StoredCustomer> findAll(String siteId, Collection<UUID> ids) {
        return db.sql(SELECT_ALL + "WHERE c.site_id = :siteId AND c.id = ANY(:ids)")
                .bind("siteId", siteId).bind("ids", ids.toArray(UUID[]::new))
                .map(CustomerStore::stored)
                .all();
    }

    private static StoredCustomer stored(Readable row) {
        return new StoredCustomer(CustomerRows.read(row, CustomerFields.all()), row.get("version", Long.class));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("customer", id.toString());
    }

    Mono<Void> insert(String siteId, UUID id, CustomerDraft draft, String sourceChannel) {
        return bindDraft(db.sql("""
                        INSERT INTO customers (id, site_id, source_channel, salutation, first_name, middle_name, last_name,
                            organization, email, email_normalized, sms_number, phone, alternate_phone, fax, address_line1,
                            address_line2, locality, administrative_area, province, postal_code, country, birth_date,
                            preferred_content_type, account_active, status, locale, tags, metadata)
                        VALUES (:id, :siteId, :sourceChannel, :salutation, :firstName, :middleName, :lastName,
                            :organization, :email, :emailNormalized, :smsNumber, :phone, :alternatePhone, :fax, :addressLine1,
                            :addressLine2, :locality, :administrativeArea, :province, :postalCode, :country, :birthDate,
                            :preferredContentType, :accountActive, :status, :locale, CAST(:tags AS text[]),
                            CAST(:metadata AS jsonb))"""), draft)
                .bind("id", id).bind("siteId", siteId).bind("sourceChannel", sourceChannel)
                .then()
                .then(replaceExternalIds(siteId, id, draft.externalIds()));
    }

    /** Writes the draft over the customer and answers the new version. */
    Mono<Long> update(String siteId, UUID id, CustomerDraft draft) {
        return bindDraft(db.sql("""
                        UPDATE customers SET salutation = :salutation, first_name = :firstName, middle_name = :middleName,
                            last_name = :lastName, organization = :organization, email = :email,
                            email_normalized = :emailNormalized, sms_number = :smsNumber, phone = :phone,
                            alternate_phone = :alternatePhone, fax = :fax, address_line1 = :addressLine1,
                            address_line2 = :addressLine2, locality = :locality, administrative_area = :administrativeArea,
                            province = :province, postal_code = :postalCode, country = :country, birth_date = :birthDate,
                            preferred_content_type = :preferredContentType, account_active = :accountActive,
                            status = :status, locale = :locale, tags = CAST(:tags AS text[]),
                            metadata = CAST(:metadata AS jsonb), updated_at = now(), version = version + 1
                        WHERE site_id = :siteId AND id = :id
                        RETURNING version"""), draft)
                .bind("id", id).bind("siteId", siteId)
                .map(row -> row.get("version", Long.class)).one()
                .flatMap(version -> replaceExternalIds(siteId, id, draft.externalIds()).thenReturn(version));
    }

    /** Marks a change kept outside the record (notes, groups) as a new version of each customer. */
    Mono<Void> touch(Collection<UUID> ids) {
        return db.sql("UPDATE customers SET updated_at = now(), version = version + 1 WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new)).then();
    }

    Mono<Boolean> delete(String siteId, UUID id) {
        return db.sql("DELETE FROM customers WHERE site_id = :siteId AND id = :id").bind("siteId", siteId).bind("id", id)
                .fetch().rowsUpdated().map(deleted -> deleted > 0);
    }

    private Mono<Void> replaceExternalIds(String siteId, UUID id, Map<String, String> externalIds) {
        Mono<Void> insert = externalIds.isEmpty() ? Mono.empty() : db.sql("""
                        INSERT INTO customer_external_ids (site_id, customer_id, system, external_id)
                        SELECT :siteId, :id, s, e FROM unnest(CAST(:systems AS text[]), CAST(:ids AS text[])) AS x (s, e)""")
                .bind("siteId", siteId).bind("id", id)
                .bind("systems", externalIds.keySet().toArray(String[]::new))
                .bind("ids", externalIds.values().toArray(String[]::new))
                .then();
        String searchable = String.join(" ", externalIds.values()).toLowerCase(java.util.Locale.ROOT);
        return db.sql("DELETE FROM customer_external_ids WHERE customer_id = :id").bind("id", id).then()
                .then(insert)
                .then(db.sql("UPDATE customers SET search_external_ids = :text WHERE id = :id")
                        .bind("text", searchable).bind("id", id).then());
    }

    private static GenericExecuteSpec bindDraft(GenericExecuteSpec sql, CustomerDraft draft) {
        return sql.bind("salutation", text(draft.salutation()))
                .bind("firstName", text(draft.firstName()))
                .bind("middleName", text(draft.middleName()))
                .bind("lastName", text(draft.lastName()))
                .bind("organization", text(draft.organization()))
                .bind("email", text(draft.email()))
                .bind("emailNormalized", text(EmailAddresses.normalize(draft.email())))
                .bind("smsNumber", text(draft.smsNumber()))
                .bind("phone", text(draft.phone()))
                .bind("alternatePhone", text(draft.alternatePhone()))
                .bind("fax", text(draft.fax()))
                .bind("addressLine1", text(draft.addressLine1()))
                .bind("addressLine2", text(draft.addressLine2()))
                .bind("locality", text(draft.locality()))
                .bind("administrativeArea", text(draft.administrativeArea()))
                .bind("province", text(draft.province()))
                .bind("postalCode", text(draft.postalCode()))
                .bind("country", text(draft.country()))
                .bind("birthDate", Parameter.fromOrEmpty(draft.birthDate(), java.time.LocalDate.class))
                .bind("preferredContentType", draft.preferredContentType())
                .bind("accountActive", draft.accountActive())
                .bind("status", draft.status())
                .bind("locale", text(draft.locale()))
                .bind("tags", draft.tags().toArray(String[]::new))
                .bind("metadata", JSON.writeValueAsString(draft.metadata()));
    }

    private static Parameter text(String value) {
        return Parameter.fromOrEmpty(value, String.class);
    }
}
