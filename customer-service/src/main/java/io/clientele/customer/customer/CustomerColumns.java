package io.clientele.customer.customer;

import io.clientele.platform.email.EmailAddresses;
import io.clientele.platform.sql.ArrayLiterals;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The columns a draft writes, each with its value as text and the SQL type it is cast to, so that many customers are
 * written with one statement over {@code unnest} of one text array per column.
 */
final class CustomerColumns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Column(String name, String type, Function<CustomerDraft, String> value) {

        /** The column's value read from the unnested row {@code x}. */
        String fromUnnested() {
            return type.equals("text") ? "x." + name : "CAST(x." + name + " AS " + type + ")";
        }
    }

    static final List<Column> WRITABLE = List.of(
            text("salutation", CustomerDraft::salutation),
            text("first_name", CustomerDraft::firstName),
            text("middle_name", CustomerDraft::middleName),
            text("last_name", CustomerDraft::lastName),
            text("organization", CustomerDraft::organization),
            text("email", CustomerDraft::email),
            text("email_normalized", draft -> EmailAddresses.normalize(draft.email())),
            text("sms_number", CustomerDraft::smsNumber),
            text("phone", CustomerDraft::phone),
            text("alternate_phone", CustomerDraft::alternatePhone),
            text("fax", CustomerDraft::fax),
            text("address_line1", CustomerDraft::addressLine1),
            text("address_line2", CustomerDraft::addressLine2),
            text("locality", CustomerDraft::locality),
            text("administrative_area", CustomerDraft::administrativeArea),
            text("province", CustomerDraft::province),
            text("postal_code", CustomerDraft::postalCode),
            text("country", CustomerDraft::country),
            new Column("birth_date", "date", draft -> draft.birthDate() == null ? null : draft.birthDate().toString()),
            text("preferred_content_type", CustomerDraft::preferredContentType),
            new Column("account_active", "boolean", draft -> String.valueOf(draft.accountActive())),
            text("status", CustomerDraft::status),
            text("locale", CustomerDraft::locale),
            new Column("tags", "text[]", draft -> ArrayLiterals.of(draft.tags())),
            new Column("metadata", "jsonb", draft -> JSON.writeValueAsString(draft.metadata())),
            text("search_external_ids", draft -> String.join(" ", draft.externalIds().values()).toLowerCase(Locale.ROOT)));

    private CustomerColumns() {
    }

    static String names() {
        return WRITABLE.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** The drafts' values of the column, one per draft. */
    static String[] values(Column column, List<CustomerDraft> drafts) {
        String[] values = new String[drafts.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.value().apply(drafts.get(i));
        }
        return values;
    }

    private static Column text(String name, Function<CustomerDraft, String> value) {
        return new Column(name, "text", value);
    }
}
