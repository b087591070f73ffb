package io.clientele.access.customer;

import io.clientele.events.CustomerUpdated;
import io.clientele.platform.email.EmailAddresses;
import io.r2dbc.spi.Readable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The customers access-service knows, kept from customer.events. */
@Repository
public class CustomerDirectory {

    private static final String CONTACT_UPDATE = """
            email = excluded.email, email_normalized = excluded.email_normalized,
            first_name = COALESCE(excluded.first_name, customers.first_name),
            last_name = COALESCE(excluded.last_name, customers.last_name),
            locale = COALESCE(excluded.locale, customers.locale), updated_at = now()""";

    private final DatabaseClient db;

    CustomerDirectory(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Records a customer's contact details, leaving its account state and groups as they are. The latest customer to
     * take an e-mail address has it: events of two customers are not ordered between them, so another customer may
     * still hold the address here for a moment after it gave it up.
     */
    Mono<Void> saveContact(String siteId, UUID customerId, String email, String firstName, String lastName, String locale) {
        return releaseAddress(siteId, customerId, EmailAddresses.normalize(email))
                .then(db.sql("""
                        INSERT INTO customers (customer_id, site_id, email, email_normalized, first_name, last_name, locale)
                        VALUES (:id, :siteId, :email, :normalized, :firstName, :lastName, :locale)
                        ON CONFLICT (customer_id) DO UPDATE SET
                        """ + CONTACT_UPDATE)
                .bind("id", customerId).bind("siteId", siteId)
                .bind("email", Parameter.fromOrEmpty(email, String.class))
                .bind("normalized", Parameter.fromOrEmpty(EmailAddresses.normalize(email), String.class))
                .bind("firstName", Parameter.fromOrEmpty(firstName, String.class))
                .bind("lastName", Parameter.fromOrEmpty(lastName, String.class))
                .bind("locale", Parameter.fromOrEmpty(locale, String.class))
                .then());
    }

    /**
     * Replaces what is known of the customer with the event's picture of it.
     *
     * @param before what was known, or null; its address is not released again when it stays the same
     */
    Mono<Void> save(CustomerUpdated customer, KnownCustomer before) {
        UUID customerId = UUID.fromString(customer.getCustomerId());
        String normalized = EmailAddresses.normalize(customer.getEmail());
        boolean sameAddress = before != null && Objects.equals(EmailAddresses.normalize(before.email()), normalized);
        return (sameAddress ? Mono.<Void>empty() : releaseAddress(customer.getSiteId(), customerId, normalized))
                .then(db.sql("""
                        INSERT INTO customers (customer_id, site_id, email, email_normalized, first_name, last_name, locale,
                            account_active, groups)
                        VALUES (:id, :siteId, :email, :normalized, :firstName, :lastName, :locale, :active, :groups)
                        ON CONFLICT (customer_id) DO UPDATE SET account_active = excluded.account_active,
                            groups = excluded.groups,
                        """ + CONTACT_UPDATE)
                        .bind("id", customerId).bind("siteId", customer.getSiteId())
                        .bind("email", Parameter.fromOrEmpty(customer.getEmail(), String.class))
                        .bind("normalized", Parameter.fromOrEmpty(normalized, String.class))
                        .bind("firstName", Parameter.fromOrEmpty(customer.getFirstName(), String.class))
                        .bind("lastName", Parameter.fromOrEmpty(customer.getLastName(), String.class))
                        .bind("locale", Parameter.fromOrEmpty(customer.getLocale(), String.class))
                        .bind("active", customer.getAccountActive())
                        .bind("groups", customer.getGroups().toArray(String[]::new))
                        .then());
    }

    private Mono<Void> releaseAddress(String siteId, UUID customerId, String normalized) {
        return db.sql("UPDATE customers SET email_normalized = NULL WHERE site_id = :siteId AND email_normalized = :normalized AND customer_id <> :id")
                .bind("siteId", siteId).bind("normalized", Parameter.fromOrEmpty(normalized, String.class))
                .bind("id", customerId)
                .then();
    }

    /** Deletes what is kept for the customer besides the revocation of their sessions; answers how many rows. */
    Mono<Long> forget(String siteId, UUID customerId) {
        return Flux.just("DELETE FROM credentials WHERE site_id = :siteId AND customer_id = :id",
                        "DELETE FROM link_tokens WHERE site_id = :siteId AND customer_id = :id",
                        "DELETE FROM access_requests WHERE site_id = :siteId AND customer_id = :id",
                        "DELETE FROM refresh_tokens WHERE site_id = :siteId AND customer_id = :id",
                        """
                        DELETE FROM pending_passwords WHERE site_id = :siteId
                          AND email = (SELECT email_normalized FROM customers WHERE site_id = :siteId AND customer_id = :id)""",
                        "DELETE FROM customers WHERE site_id = :siteId AND customer_id = :id")
                .concatMap(sql -> db.sql(sql).bind("siteId", siteId).bind("id", customerId).fetch().rowsUpdated())
                .reduce(0L, Long::sum);
    }

    public Mono<KnownCustomer> find(String siteId, UUID customerId) {
        return db.sql("SELECT * FROM customers WHERE site_id = :siteId AND customer_id = :id")
                .bind("siteId", siteId).bind("id", customerId)
                .map(CustomerDirectory::toCustomer).one();
    }

    public Mono<KnownCustomer> findByEmail(String siteId, String email) {
        return db.sql("SELECT * FROM customers WHERE site_id = :siteId AND email_normalized = :email")
                .bind("siteId", siteId).bind("email", EmailAddresses.normalize(email))
                .map(CustomerDirectory::toCustomer).one();
    }

    private static KnownCustomer toCustomer(Readable row) {
        return new KnownCustomer(row.get("customer_id", UUID.class), row.get("site_id", String.class),
                row.get("email", String.class), row.get("first_name", String.class), row.get("last_name", String.class),
                row.get("locale", String.class), Boolean.TRUE.equals(row.get("account_active", Boolean.class)),
                List.of(row.get("groups", String[].class)));
    }
}
