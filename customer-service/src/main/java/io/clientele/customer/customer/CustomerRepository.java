package io.clientele.customer.customer;

import io.clientele.platform.email.EmailAddresses;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
public class CustomerRepository {

    private final DatabaseClient db;

    CustomerRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Finds the site's customer with this e-mail or creates one, in one statement, so that two captures of the
     * same visitor cannot create two customers. A found customer keeps what it has: only empty names and locale are
     * filled, and its consent is never touched here.
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
                        RETURNING id, (xmax = 0) AS created, marketing_opt_in, consent_updated_at IS NOT NULL AS decided""")
                .bind("id", UUID.randomUUID())
                .bind("siteId", siteId)
                .bind("email", email)
                .bind("normalized", EmailAddresses.normalize(email))
                .bind("firstName", Parameter.fromOrEmpty(firstName, String.class))
                .bind("lastName", Parameter.fromOrEmpty(lastName, String.class))
                .bind("channel", channel)
                .bind("locale", Parameter.fromOrEmpty(locale, String.class))
                .map(row -> new CapturedCustomer(row.get("id", UUID.class), Boolean.TRUE.equals(row.get("created", Boolean.class)),
                        Boolean.TRUE.equals(row.get("marketing_opt_in", Boolean.class)),
                        Boolean.TRUE.equals(row.get("decided", Boolean.class))))
                .one();
    }

    public Mono<Void> setMarketingOptIn(UUID customerId, boolean optedIn, java.time.Instant at) {
        return db.sql("""
                        UPDATE customers SET marketing_opt_in = :optedIn, consent_updated_at = :at, updated_at = now(),
                            version = version + 1
                        WHERE id = :id""")
                .bind("optedIn", optedIn).bind("at", at).bind("id", customerId).then();
    }

    /**
     * Sets each customer's consent without a new version: for customers whose new version is written in the same
     * transaction.
     */
    public Mono<Void> setMarketingOptIns(Map<UUID, Boolean> optedIn, java.time.Instant at) {
        if (optedIn.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        UPDATE customers c SET marketing_opt_in = x.o, consent_updated_at = :at
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:optedIn AS boolean[])) AS x (id, o)
                        WHERE c.id = x.id""")
                .bind("ids", optedIn.keySet().toArray(UUID[]::new))
                .bind("optedIn", optedIn.values().toArray(Boolean[]::new)).bind("at", at).then();
    }

    /**
     * Sets the preferred content type to HTML when it is still UNKNOWN; answers whether it changed.
     */
    public Mono<Boolean> learnReadsHtml(String siteId, UUID id) {
        return db.sql("""
                        UPDATE customers SET preferred_content_type = 'HTML', updated_at = now(), version = version + 1
                        WHERE site_id = :siteId AND id = :id AND preferred_content_type = 'UNKNOWN'""")
                .bind("siteId", siteId).bind("id", id)
                .fetch().rowsUpdated().map(updated -> updated > 0);
    }
}
