package io.clientele.customer.customer;

import io.clientele.platform.email.EmailAddresses;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class CustomerRepository {

    private final DatabaseClient db;

    CustomerRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Finds the site's customer with this e-mail or creates one, in one statement, so that two captures of the
     * same visitor cannot create two customers. A found customer keeps its names unless they were empty.
     */
    public Mono<CapturedCustomer> findOrCreate(String siteId, String email, String firstName, String lastName,
                                              String channel, String locale) {
        return db.sql("""
                        INSERT INTO customers (id, site_id, email, email_normalized, first_name, last_name, status,
                                               source_channel, locale)
                        VALUES (:id, :siteId, :email, :normalized, :firstName, :lastName, 'PENDING', :channel, :locale)
                        ON CONFLICT (site_id, email_normalized) DO UPDATE SET
                            first_name = COALESCE(customers.first_name, excluded.first_name),
                            last_name = COALESCE(customers.last_name, excluded.last_name),
                            locale = COALESCE(customers.locale, excluded.locale),
                            updated_at = now(), version = customers.version + 1
                        RETURNING id, (xmax = 0) AS created""")
                .bind("id", UUID.randomUUID())
                .bind("siteId", siteId)
                .bind("email", email)
                .bind("normalized", EmailAddresses.normalize(email))
                .bind("firstName", Parameter.fromOrEmpty(firstName, String.class))
                .bind("lastName", Parameter.fromOrEmpty(lastName, String.class))
                .bind("channel", channel)
                .bind("locale", Parameter.fromOrEmpty(locale, String.class))
                .map(row -> new CapturedCustomer(row.get("id", UUID.class), Boolean.TRUE.equals(row.get("created", Boolean.class))))
                .one();
    }

    public Mono<Void> setMarketingOptIn(UUID customerId, boolean optedIn) {
        return db.sql("UPDATE customers SET marketing_opt_in = :optedIn, updated_at = now() WHERE id = :id")
                .bind("optedIn", optedIn).bind("id", customerId).then();
    }

    public Mono<Customer> find(String siteId, UUID id) {
        return db.sql("SELECT * FROM customers WHERE site_id = :siteId AND id = :id")
                .bind("siteId", siteId).bind("id", id)
                .map(CustomerRepository::toCustomer).one();
    }

    /** Customers whose e-mail or name contains the text, case-insensitively, newest first. */
    public Flux<Customer> search(String siteId, String text, int limit) {
        String pattern = text == null || text.isBlank() ? "%" : "%" + likeEscaped(text.trim().toLowerCase()) + "%";
        return db.sql("""
                        SELECT * FROM customers
                        WHERE site_id = :siteId
                          AND (email_normalized LIKE :pattern
                               OR lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) LIKE :pattern)
                        ORDER BY created_at DESC, id
                        LIMIT :limit""")
                .bind("siteId", siteId).bind("pattern", pattern).bind("limit", limit)
                .map(CustomerRepository::toCustomer).all();
    }

    /**
     * Sets the preferred content type to HTML when it is still UNKNOWN; answers the customer as it now is, or
     * empty when the preference was already known.
     */
    public Mono<Customer> learnReadsHtml(String siteId, UUID id) {
        return db.sql("""
                        UPDATE customers SET preferred_content_type = 'HTML', updated_at = now(), version = version + 1
                        WHERE site_id = :siteId AND id = :id AND preferred_content_type = 'UNKNOWN'
                        RETURNING *""")
                .bind("siteId", siteId).bind("id", id)
                .map(CustomerRepository::toCustomer).one();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Customer toCustomer(Readable row) {
        return new Customer(row.get("id", UUID.class), row.get("site_id", String.class), row.get("email", String.class),
                row.get("first_name", String.class), row.get("last_name", String.class), row.get("status", String.class),
                row.get("source_channel", String.class), row.get("locale", String.class),
                Boolean.TRUE.equals(row.get("marketing_opt_in", Boolean.class)), row.get("preferred_content_type", String.class),
                Boolean.TRUE.equals(row.get("account_active", Boolean.class)),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
    }
}
