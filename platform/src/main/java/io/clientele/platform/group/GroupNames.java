package io.clientele.platform.group;

import io.clientele.platform.web.ProblemException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Group names as every service accepts them: trimmed, not blank, at most 100 characters, each once. */
public final class GroupNames {

    public static final int MAX_LENGTH = 100;

    private GroupNames() {
    }

    /** @throws ProblemException naming the field when a name is blank or too long */
    public static Set<String> checked(String field, Collection<String> names) {
        Set<String> checked = new LinkedHashSet<>();
        if (names == null) {
            return checked;
        }
        for (String name : names) {
            String trimmed = name == null ? "" : name.strip();
            if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
                throw ProblemException.invalidField(field, "a group name has 1 to " + MAX_LENGTH + " characters");
            }
            checked.add(trimmed);
        }
        return checked;
    }
}
