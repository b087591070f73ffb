package io.clientele.access.page;

import java.util.List;

/** A page only customers of the allowed groups may see. */
public record ProtectedPage(String pageId, List<String> groups) {
}
