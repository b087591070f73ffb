package io.clientele.customer.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every field of a customer that the API shows, filters on, sorts by and exports, with the SQL that reads it from
 * {@code customers c}. Besides the fixed fields, {@code metadata.<key>} and {@code externalIds.<system>} name one
 * metadata value or one system's id.
 */
public final class CustomerFields {

    /** What a field holds, which decides how it is read, compared and written out. */
    public enum Kind { ID, TEXT, DATE, TIMESTAMP, BOOLEAN, TAGS, GROUPS, EXTERNAL_IDS, METADATA }

    /** How a compared text value is written before comparing, so that "fr" finds country FR. */
    public enum Case { AS_IS, UPPER, LOWER }

    /**
     * @param sql       reads the value
     * @param filterSql what conditions compare (a normalised column where there is one)
     * @param sortSql   what sorting orders by, never null so that keyset pages work; null when not sortable
     */
    public record Field(String name, Kind kind, String sql, String filterSql, String sortSql, Case valueCase) {

        /** The select-list item; JSON values come as text. */
        public String select() {
            boolean json = kind == Kind.METADATA || kind == Kind.EXTERNAL_IDS;
            return (json ? "CAST(" + sql + " AS text)" : sql) + " AS \"" + name + "\"";
        }

        public boolean sortable() {
            return sortSql != null;
        }
    }

    public static final Field ID = new Field("id", Kind.ID, "c.id", "c.id", null, Case.AS_IS);

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern SYSTEM = Pattern.compile("[a-z0-9_-]{1,64}");
    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        add(ID);
        text("salutation", "salutation");
        text("firstName", "first_name");
        text("middleName", "middle_name");
        text("lastName", "last_name");
        text("organization", "organization");
        add(new Field("email", Kind.TEXT, "c.email", "c.email_normalized", "coalesce(c.email_normalized, '')", Case.LOWER));
        text("smsNumber", "sms_number");
        text("phone", "phone");
        text("alternatePhone", "alternate_phone");
        text("fax", "fax");
        text("addressLine1", "address_line1");
        text("addressLine2", "address_line2");
        text("locality", "locality");
        text("administrativeArea", "administrative_area");
        text("province", "province");
        text("postalCode", "postal_code");
        add(new Field("country", Kind.TEXT, "c.country", "c.country", "coalesce(c.country, '')", Case.UPPER));
        add(new Field("birthDate", Kind.DATE, "c.birth_date", "c.birth_date", "coalesce(c.birth_date, '-infinity')", Case.AS_IS));
        add(new Field("preferredContentType", Kind.TEXT, "c.preferred_content_type", "c.preferred_content_type",
                "c.preferred_content_type", Case.UPPER));
        add(new Field("status", Kind.TEXT, "c.status", "c.status", "c.status", Case.UPPER));
        add(new Field("sourceChannel", Kind.TEXT, "c.source_channel", "c.source_channel", "c.source_channel", Case.UPPER));
        text("locale", "locale");
        add(new Field("accountActive", Kind.BOOLEAN, "c.account_active", "c.account_active", "c.account_active", Case.AS_IS));
        add(new Field("marketingOptIn", Kind.BOOLEAN, "c.marketing_opt_in", "c.marketing_opt_in", "c.marketing_opt_in", Case.AS_IS));
        add(new Field("consentUpdatedAt", Kind.TIMESTAMP, "c.consent_updated_at", "c.consent_updated_at",
                "coalesce(c.consent_updated_at, '-infinity')", Case.AS_IS));
        add(new Field("tags", Kind.TAGS, "c.tags", "c.tags", null, Case.AS_IS));
        add(new Field("groups", Kind.GROUPS,
                "ARRAY(SELECT g FROM unnest(c.group_names) AS g ORDER BY g)",
                "c.group_names", null, Case.AS_IS));
        add(new Field("externalIds", Kind.EXTERNAL_IDS, """
                (SELECT coalesce(jsonb_object_agg(x.system, x.external_id), '{}') FROM customer_external_ids x
                 WHERE x.customer_id = c.id)""", "c.id", null, Case.AS_IS));
        add(new Field("metadata", Kind.METADATA, "c.metadata", "c.metadata", null, Case.AS_IS));
        add(new Field("createdAt", Kind.TIMESTAMP, "c.created_at", "c.created_at", "c.created_at", Case.AS_IS));
        add(new Field("updatedAt", Kind.TIMESTAMP, "c.updated_at", "c.updated_at", "c.updated_at", Case.AS_IS));
    }

    private CustomerFields() {
    }

    private static void text(String name, String column) {
        add(new Field(name, Kind.TEXT, "c." + column, "c." + column, "coalesce(lower(c." + column + "), '')", Case.AS_IS));
    }

    private static void add(Field field) {
        FIELDS.put(field.name(), field);
    }

    /** Every fixed field, in the order the API shows them. */
    public static List<Field> all() {
        return List.copyOf(FIELDS.values());
    }

    /** The field a name names, {@code metadata.<key>} and {@code externalIds.<system>} included. */
    public static Optional<Field> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Field fixed = FIELDS.get(name);
        if (fixed != null) {
            return Optional.of(fixed);
        }
        // Keys and systems are checked against a strict pattern, so they can be written into the SQL.
        if (name.startsWith("metadata.") && KEY.matcher(name.substring(9)).matches()) {
            String sql = "(c.metadata ->> '" + name.substring(9) + "')";
            return Optional.of(new Field(name, Kind.TEXT, sql, sql, "coalesce(lower" + sql + ", '')", Case.AS_IS));
        }
        if (name.startsWith("externalIds.") && SYSTEM.matcher(name.substring(12)).matches()) {
            String sql = "(SELECT x.external_id FROM customer_external_ids x WHERE x.customer_id = c.id AND x.system = '"
                    + name.substring(12) + "')";
            return Optional.of(new Field(name, Kind.TEXT, sql, sql, "coalesce(" + sql + ", '')", Case.AS_IS));
        }
        return Optional.empty();
    }

    /** The names that {@link #named} knows, to say so when a request names another. */
    public static String known() {
        return String.join(", ", FIELDS.keySet()) + ", metadata.<key>, externalIds.<system>";
    }
}
