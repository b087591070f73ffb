package io.clientele.customer.imports;

import io.clientele.customer.customer.PhoneNumbers;
import io.clientele.customer.customer.StoredCustomer;
import io.clientele.events.ImportRow;
import io.clientele.platform.email.EmailAddresses;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** The site's customers that an import batch's rows could be, looked up by each identity. */
final class ExistingCustomers {

    private final Map<UUID, StoredCustomer> byId = new HashMap<>();
    private final Map<String, UUID> byEmail = new HashMap<>();
    private final Map<String, List<UUID>> byPhone = new HashMap<>();
    private final Map<String, UUID> byExternalId = new HashMap<>();
    private final Map<ImportRow, List<String>> phonesOfRow;

    /** @param phonesOfRow each row's numbers as {@link #phones} normalises them, worked out once per batch */
    @SuppressWarnings("unchecked")
    ExistingCustomers(Collection<StoredCustomer> customers, String externalIdSystem, Map<ImportRow, List<String>> phonesOfRow) {
        this.phonesOfRow = phonesOfRow;
        for (StoredCustomer customer : customers) {
            Map<String, Object> fields = customer.fields();
            UUID id = UUID.fromString(fields.get("id").toString());
            byId.put(id, customer);
            Optional.ofNullable(EmailAddresses.normalize((String) fields.get("email"))).ifPresent(email -> byEmail.put(email, id));
            Stream.of("smsNumber", "phone").map(field -> (String) fields.get(field)).filter(phone -> phone != null)
                    .distinct().forEach(phone -> byPhone.computeIfAbsent(phone, key -> new ArrayList<>()).add(id));
            Optional.ofNullable(((Map<String, String>) fields.get("externalIds")).get(externalIdSystem))
                    .ifPresent(externalId -> byExternalId.put(externalId, id));
        }
    }

    StoredCustomer customer(UUID id) {
        return byId.get(id);
    }

    Optional<UUID> withEmail(String normalizedEmail) {
        return Optional.ofNullable(byEmail.get(normalizedEmail));
    }

    Optional<UUID> withExternalId(String externalId) {
        return Optional.ofNullable(byExternalId.get(externalId));
    }

    /** The customers having one of the row's phone numbers. */
    List<UUID> withPhoneOf(ImportRow row) {
        return phonesOfRow.getOrDefault(row, List.of()).stream()
                .flatMap(phone -> byPhone.getOrDefault(phone, List.of()).stream()).distinct().toList();
    }

    /** The row's e-mail as the site keys customers by it. */
    static String email(ImportRow row) {
        return EmailAddresses.normalize(row.getFields().get("email"));
    }

    /** The row's SMS and phone numbers, normalised as customers' numbers are. */
    static Stream<String> phones(ImportRow row) {
        String country = row.getFields().get("country");
        return Stream.of("smsNumber", "phone").map(field -> row.getFields().get(field)).filter(raw -> raw != null)
                .flatMap(raw -> PhoneNumbers.normalized(raw, country == null ? null : country.strip().toUpperCase())
                        .stream());
    }
}
