package io.clientele.customer.customer;

import io.clientele.platform.web.ProblemException;
import io.clientele.platform.web.ProblemException.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a draft against the field rules and the site's policy, and answers it normalised (trimmed, blanks as
 * empty, e-mail and phones normalised, codes upper-cased); every violation is reported at once.
 */
public final class CustomerValidation {

    static final Set<String> STATUSES = Set.of("PENDING", "ACTIVE", "INACTIVE", "ARCHIVED");
    static final Set<String> CONTENT_TYPES = Set.of("SHORT_TEXT", "HTML", "TEXT", "UNKNOWN");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");
    private static final Pattern SYSTEM = Pattern.compile("[a-z0-9_-]{1,64}");
    private static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final List<FieldError> errors = new ArrayList<>();

    private CustomerValidation() {
    }

    /** @param requireNames the site's policy: every customer has a first and a last name */
    public static CustomerDraft validated(CustomerDraft draft, boolean requireNames) {
        CustomerValidation check = new CustomerValidation();
        String country = check.country(draft.country());
        String email = check.text("email", draft.email(), 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            check.reject("email", "is not an e-mail address");
        }
        String firstName = check.text("firstName", draft.firstName(), 100);
        String lastName = check.text("lastName", draft.lastName(), 100);
        String smsNumber = check.phone("smsNumber", draft.smsNumber(), country);
        CustomerDraft valid = new CustomerDraft(
                check.text("salutation", draft.salutation(), 32), firstName,
                check.text("middleName", draft.middleName(), 100), lastName,
                check.text("organization", draft.organization(), 200), email, smsNumber,
                check.phone("phone", draft.phone(), country), check.phone("alternatePhone", draft.alternatePhone(), country),
                check.phone("fax", draft.fax(), country),
                check.text("addressLine1", draft.addressLine1(), 200), check.text("addressLine2", draft.addressLine2(), 200),
                check.text("locality", draft.locality(), 100), check.text("administrativeArea", draft.administrativeArea(), 100),
                check.text("province", draft.province(), 100), check.text("postalCode", draft.postalCode(), 20), country,
                check.birthDate(draft.birthDate()),
                check.oneOf("preferredContentType", draft.preferredContentType(), CONTENT_TYPES, "UNKNOWN"),
                draft.accountActive() == null || draft.accountActive(),
                check.oneOf("status", draft.status(), STATUSES, "ACTIVE"),
                check.locale(draft.locale()), check.tags(draft.tags()), check.externalIds(draft.externalIds()),
                check.metadata(draft.metadata()));
        if (email == null && smsNumber == null) {
            check.reject("email", "an e-mail address or an SMS number is required");
            check.reject("smsNumber", "an e-mail address or an SMS number is required");
        }
        if (requireNames && firstName == null) {
            check.reject("firstName", "is required by the site");
        }
        if (requireNames && lastName == null) {
            check.reject("lastName", "is required by the site");
        }
        if (!check.errors.isEmpty()) {
            throw ProblemException.invalidFields(check.errors);
        }
        return valid;
    }

    private void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    private String text(String field, String value, int maxLength) {
        String trimmed = value == null ? null : value.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() > maxLength) {
            reject(field, "has at most " + maxLength + " characters");
        }
        return trimmed;
    }

    private String country(String value) {
        String code = text("country", value, 2);
        if (code == null) {
            return null;
        }
        code = code.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            reject("country", "is not an ISO 3166 country code such as FR or US");
            return null;
        }
        return code;
    }

    private String phone(String field, String value, String country) {
        String raw = text(field, value, 32);
        if (raw == null) {
            return null;
        }
        return PhoneNumbers.normalized(raw, country).orElseGet(() -> {
            reject(field, "is not a phone number" + (country == null ? "" : " in " + country));
            return raw;
        });
    }

    private LocalDate birthDate(LocalDate value) {
        if (value != null && (value.isAfter(LocalDate.now()) || value.getYear() < 1900)) {
            reject("birthDate", "must be between 1900-01-01 and today");
        }
        return value;
    }

    private String oneOf(String field, String value, Set<String> allowed, String otherwise) {
        String code = text(field, value, 32);
        if (code == null) {
            return otherwise;
        }
        code = code.toUpperCase(Locale.ROOT);
        if (!allowed.contains(code)) {
            reject(field, "must be one of " + new java.util.TreeSet<>(allowed));
        }
        return code;
    }

    private String locale(String value) {
        String locale = text("locale", value, 16);
        if (locale != null && !LOCALE.matcher(locale).matches()) {
            reject("locale", "must be a language tag such as en or fr-CA");
        }
        return locale;
    }

    private List<String> tags(List<String> values) {
        Set<String> tags = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            String tag = value == null ? "" : value.strip();
            if (tag.isEmpty() || tag.length() > 50) {
                reject("tags", "a tag has 1 to 50 characters");
            } else {
                tags.add(tag);
            }
        }
        if (tags.size() > 100) {
            reject("tags", "a customer has at most 100 tags");
        }
        return List.copyOf(tags);
    }

    private Map<String, String> externalIds(Map<String, String> values) {
        Map<String, String> ids = new LinkedHashMap<>();
        (values == null ? Map.<String, String>of() : values).forEach((system, id) -> {
            String key = system.strip().toLowerCase(Locale.ROOT);
            String value = id == null ? "" : id.strip();
            if (!SYSTEM.matcher(key).matches()) {
                reject("externalIds", "a system is named by 1 to 64 of a-z, 0-9, _ and -");
            } else if (value.isEmpty() || value.length() > 200) {
                reject("externalIds." + key, "an external id has 1 to 200 characters");
            } else {
                ids.put(key, value);
            }
        });
        return ids;
    }

    private Map<String, String> metadata(Map<String, String> values) {
        Map<String, String> metadata = new LinkedHashMap<>();
        (values == null ? Map.<String, String>of() : values).forEach((key, value) -> {
            if (!METADATA_KEY.matcher(key).matches()) {
                reject("metadata", "a key is 1 to 64 of A-Z, a-z, 0-9, _, . and -");
            } else if (value != null && value.length() > 1000) {
                reject("metadata." + key, "has at most 1000 characters");
            } else if (value != null) {
                metadata.put(key, value);
            }
        });
        if (metadata.size() > 50) {
            reject("metadata", "a customer has at most 50 metadata keys");
        }
        return metadata;
    }
}
