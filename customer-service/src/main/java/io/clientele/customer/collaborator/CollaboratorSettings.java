package io.clientele.customer.collaborator;

import io.clientele.customer.customer.CustomerFields;
import io.clientele.platform.web.ProblemException;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a collaborator chose for themselves: the customer fields the overview shows, in their order.
 *
 * @param overviewColumns 1 to 12 customer fields, each once
 */
public record CollaboratorSettings(List<String> overviewColumns) {

    static final int MAX_COLUMNS = 12;
    static final CollaboratorSettings DEFAULTS = new CollaboratorSettings(List.of("firstName", "lastName", "email", "groups"));

    /** The settings as asked, or a 400 naming what is wrong with them. */
    CollaboratorSettings checked() {
        List<String> columns = overviewColumns == null ? List.of() : overviewColumns;
        if (columns.isEmpty() || columns.size() > MAX_COLUMNS) {
            throw ProblemException.invalidField("overviewColumns", "lists 1 to " + MAX_COLUMNS + " fields");
        }
        if (new LinkedHashSet<>(columns).size() != columns.size()) {
            throw ProblemException.invalidField("overviewColumns", "names each field once");
        }
        for (String column : columns) {
            if (CustomerFields.named(column).isEmpty()) {
                throw ProblemException.invalidField("overviewColumns", "'" + column + "' is not a customer field; fields are "
                        + CustomerFields.known());
            }
        }
        return new CollaboratorSettings(List.copyOf(columns));
    }
}
