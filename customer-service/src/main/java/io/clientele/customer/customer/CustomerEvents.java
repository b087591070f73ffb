package io.clientele.customer.customer;

import io.clientele.events.ContentType;
import io.clientele.events.CustomerCreated;
import io.clientele.events.CustomerDeleted;
import io.clientele.events.CustomerPreferencesChanged;
import io.clientele.events.CustomerUpdated;
import io.clientele.events.SignupChannel;
import io.clientele.platform.outbox.Events;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/** The customer events, built from a customer as {@link CustomerStore} reads it. */
public final class CustomerEvents {

    /** The fields notification-service mails by (CustomerPreferencesChanged carries them). */
    private static final Set<String> PREFERENCE_FIELDS = Set.of("email", "smsNumber", "locale", "preferredContentType");

    private CustomerEvents() {
    }

    public static CustomerCreated created(String siteId, Map<String, Object> customer) {
        return CustomerCreated.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(siteId)
                .setCustomerId(customer.get("id").toString())
                .setEmail(text(customer, "email"))
                .setFirstName(text(customer, "firstName"))
                .setLastName(text(customer, "lastName"))
                .setStatus(text(customer, "status"))
                .setSourceChannel(SignupChannel.valueOf(text(customer, "sourceChannel")))
                .build();
    }

    /**
     * The customer as it now is.
     *
     * @param previousEmail the address a changed e-mail replaced, else null
     */
    @SuppressWarnings("unchecked")
    public static CustomerUpdated updated(String siteId, Map<String, Object> customer, List<String> changedFields,
                                          String previousEmail, boolean emailCascade) {
        return CustomerUpdated.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(siteId)
                .setCustomerId(customer.get("id").toString())
                .setEmail(text(customer, "email"))
                .setFirstName(text(customer, "firstName"))
                .setLastName(text(customer, "lastName"))
                .setLocale(text(customer, "locale"))
                .setAccountActive(Boolean.TRUE.equals(customer.get("accountActive")))
                .setGroups((List<String>) customer.get("groups"))
                .setSmsNumber(text(customer, "smsNumber"))
                .setPhone(text(customer, "phone"))
                .setOrganization(text(customer, "organization"))
                .setCountry(text(customer, "country"))
                .setStatus(text(customer, "status"))
                .setTags((List<String>) customer.get("tags"))
                .setExternalIds((Map<String, String>) customer.get("externalIds"))
                .setChangedFields(changedFields)
                .setPreviousEmail(previousEmail)
                .setEmailCascade(emailCascade)
                .build();
    }

    static CustomerDeleted deleted(String siteId, String customerId, String email) {
        return CustomerDeleted.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(siteId)
                .setCustomerId(customerId)
                .setEmail(email)
                .build();
    }

    /**
     * The events of a customer's change: CustomerUpdated, and CustomerPreferencesChanged when a field that decides
     * how the customer is mailed changed.
     */
    public static List<SpecificRecord> changed(String siteId, Map<String, Object> customer, List<String> changedFields,
                                               String previousEmail, boolean emailCascade) {
        CustomerUpdated updated = updated(siteId, customer, changedFields, previousEmail, emailCascade);
        return changedFields.stream().anyMatch(PREFERENCE_FIELDS::contains)
                ? List.of(updated, preferencesChanged(siteId, customer)) : List.of(updated);
    }

    /** How the customer wants to be reached, after a consent or content-type change. */
    public static CustomerPreferencesChanged preferencesChanged(String siteId, Map<String, Object> customer) {
        return CustomerPreferencesChanged.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(siteId)
                .setCustomerId(customer.get("id").toString())
                .setEmail(text(customer, "email"))
                .setSmsNumber(text(customer, "smsNumber"))
                .setLocale(text(customer, "locale"))
                .setPreferredContentType(ContentType.valueOf(text(customer, "preferredContentType")))
                .setMarketingOptIn(Boolean.TRUE.equals(customer.get("marketingOptIn")))
                .build();
    }

    private static String text(Map<String, Object> customer, String field) {
        Object value = customer.get(field);
        return value == null ? null : value.toString();
    }
}
