package io.clientele.imports.column;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The columns a file may have: the customer fields, then the import's own (external id, groups, tags, opt-in). */
public final class ImportColumns {

    public static final List<String> CUSTOMER_FIELDS = List.of("salutation", "firstName", "middleName", "lastName",
            "organization", "email", "smsNumber", "phone", "alternatePhone", "fax", "addressLine1", "addressLine2",
            "locality", "administrativeArea", "province", "postalCode", "country", "birthDate", "preferredContentType",
            "accountActive", "status", "locale");
    public static final String EXTERNAL_ID = "externalId";
    public static final String GROUPS = "groups";
    public static final String TAGS = "tags";
    public static final String OPT_IN = "optIn";
    /** Written by the failure report beside each failed row; a corrected report can be uploaded again as it is. */
    public static final String REASON = "reason";

    /** Every importable column, in the template's order. */
    public static final List<String> ALL = Stream.concat(CUSTOMER_FIELDS.stream(),
            Stream.of(EXTERNAL_ID, GROUPS, TAGS, OPT_IN)).toList();

    /** The template's example row, in the order of {@link #ALL}. */
    public static final List<String> EXAMPLE = List.of("Ms", "Jane", "", "Doe", "Acme Ltd", "jane.doe@example.com",
            "+447700900123", "", "", "", "1 High Street", "", "London", "", "", "SW1A 1AA", "GB", "1984-02-29", "HTML",
            "true", "ACTIVE", "en-GB", "CRM-1001", "Members, Newsletter", "vip", "yes");

    private static final Map<String, String> BY_KEY = ALL.stream()
            .collect(Collectors.toMap(ImportColumns::key, Function.identity()));

    private ImportColumns() {
    }

    /** The column a header names: case, spaces, dashes and underscores aside ("First name" is firstName). */
    public static String named(String header) {
        return BY_KEY.get(key(header));
    }

    static String key(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
