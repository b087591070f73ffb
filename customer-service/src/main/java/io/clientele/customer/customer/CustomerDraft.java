package io.clientele.customer.customer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The fields of a customer that the API writes; everything else (id, consent, groups, times) is kept by the service. */
public record CustomerDraft(String salutation, String firstName, String middleName, String lastName, String organization,
                            String email, String smsNumber, String phone, String alternatePhone, String fax,
                            String addressLine1, String addressLine2, String locality, String administrativeArea,
                            String province, String postalCode, String country, LocalDate birthDate,
                            String preferredContentType, Boolean accountActive, String status, String locale,
                            List<String> tags, Map<String, String> externalIds, Map<String, String> metadata) {
}
