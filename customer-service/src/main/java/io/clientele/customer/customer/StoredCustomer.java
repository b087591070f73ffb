package io.clientele.customer.customer;

import java.util.Map;
import java.util.UUID;

/** A customer as stored: every field as the API shows it, and the version its ETag names. */
public record StoredCustomer(Map<String, Object> fields, long version) {

    public UUID id() {
        return UUID.fromString(fields.get("id").toString());
    }

    public String etag() {
        return "\"" + version + "\"";
    }
}
