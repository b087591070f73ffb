package io.clientele.customer.search;

import java.util.List;

/**
 * Which customers, in which order, with which fields: what a search runs, a saved filter keeps and an export
 * writes out.
 *
 * @param q      words every found customer has, case- and accent-insensitively, anywhere in the searched field
 * @param field  the one field {@code q} searches (name, email, organization, phone, externalId); all when absent
 * @param filter conditions on any field
 * @param sort   up to three fields; newest first when absent
 * @param fields the fields each customer is answered with; all when absent
 */
public record CustomerQuery(String q, String field, CustomerFilter filter, List<SortKey> sort, List<String> fields) {

    public static CustomerQuery matching(CustomerFilter filter) {
        return new CustomerQuery(null, null, filter, null, null);
    }

    /** @param direction ASC or DESC; ASC when absent */
    public record SortKey(String field, String direction) {
    }
}
