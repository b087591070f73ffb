package io.clientele.imports.job;

import io.clientele.events.ImportRow;
import io.clientele.platform.email.EmailAddresses;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers the identities (external id, e-mail, phone digits) of the rows sent so far, so that a later row with
 * one of them is reported as a duplicate instead of being applied a second time.
 */
final class InFileDuplicates {

    private final Map<String, Integer> rowOf = new HashMap<>();

    /** @return why the row is a duplicate, or null when it is the first with each of its identities */
    String check(ImportRow row) {
        String email = EmailAddresses.normalize(row.getFields().get("email"));
        String[] keys = {
                row.getExternalId() == null ? null : "externalId " + row.getExternalId(),
                email == null ? null : "email " + email,
                phone(row.getFields().get("smsNumber")),
                phone(row.getFields().get("phone"))};
        for (String key : keys) {
            Integer earlier = key == null ? null : rowOf.get(key);
            if (earlier != null) {
                return "duplicate of row " + earlier + " (same " + key.substring(0, key.indexOf(' ')) + ")";
            }
        }
        for (String key : keys) {
            if (key != null) {
                rowOf.put(key, row.getRowNumber());
            }
        }
        return null;
    }

    private static String phone(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("[^0-9]", "").replaceFirst("^0+", "");
        return digits.isEmpty() ? null : "phone " + digits;
    }
}
