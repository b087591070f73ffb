package io.clientele.notification.customer;

import io.clientele.events.CustomerCaptured;
import io.clientele.events.CustomerPreferencesChanged;
import java.util.Collection;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The local projection of how customers want to be reached. */
@Repository
public class CustomerContacts {

    private final DatabaseClient db;

    CustomerContacts(DatabaseClient db) {
        this.db = db;
    }

    /**
     * A capture gives a new customer's e-mail and locale; an existing customer keeps what they have. The opt-in is
     * one customer-service recorded with this capture (never an opt-out).
     */
    Mono<Void> apply(CustomerCaptured capture) {
        return db.sql("""
                        INSERT INTO customers (customer_id, site_id, email, locale, marketing_opt_in, as_of)
                        VALUES (:customerId, :siteId, :email, :locale, :optIn, :asOf)
                        ON CONFLICT (customer_id) DO UPDATE SET email = COALESCE(customers.email, excluded.email),
                            locale = COALESCE(customers.locale, excluded.locale),
                            marketing_opt_in = customers.marketing_opt_in OR excluded.marketing_opt_in""")
                .bind("customerId", capture.getCustomerId()).bind("siteId", capture.getSiteId())
                .bind("email", capture.getEmail())
                .bind("locale", Parameter.fromOrEmpty(capture.getLocale(), String.class))
                .bind("optIn", capture.getOptIn()).bind("asOf", capture.getOccurredAt())
                .then();
    }

    /** The customer's preferences as they now stand; an older event that arrives late changes nothing. */
    Mono<Void> apply(CustomerPreferencesChanged preferences) {
        return db.sql("""
                        INSERT INTO customers (customer_id, site_id, email, sms_number, locale, content_type,
                                               marketing_opt_in, as_of)
                        VALUES (:customerId, :siteId, :email, :smsNumber, :locale, :contentType, :optIn, :asOf)
                        ON CONFLICT (customer_id) DO UPDATE SET email = COALESCE(excluded.email, customers.email),
                            sms_number = excluded.sms_number, locale = COALESCE(excluded.locale, customers.locale),
                            content_type = excluded.content_type, marketing_opt_in = excluded.marketing_opt_in,
                            as_of = excluded.as_of
                        WHERE customers.as_of <= excluded.as_of""")
                .bind("customerId", preferences.getCustomerId()).bind("siteId", preferences.getSiteId())
                .bind("email", Parameter.fromOrEmpty(preferences.getEmail(), String.class))
                .bind("smsNumber", Parameter.fromOrEmpty(preferences.getSmsNumber(), String.class))
                .bind("locale", Parameter.fromOrEmpty(preferences.getLocale(), String.class))
                .bind("contentType", preferences.getPreferredContentType().name())
                .bind("optIn", preferences.getMarketingOptIn()).bind("asOf", preferences.getOccurredAt())
                .then();
    }

    public Flux<CustomerContact> find(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT * FROM customers WHERE customer_id = ANY(:ids)")
                .bind("ids", customerIds.toArray(String[]::new))
                .map(row -> new CustomerContact(row.get("customer_id", String.class), row.get("email", String.class),
                        row.get("sms_number", String.class), row.get("locale", String.class),
                        row.get("content_type", String.class), Boolean.TRUE.equals(row.get("marketing_opt_in", Boolean.class))))
                .all();
    }
}
