package io.clientele.access.request;

import java.util.List;

/**
 * The owner's decision on an access request.
 *
 * @param groups groups to add the customer to on approval; the page's allowed groups when left out
 * @param invite whether to e-mail an invitation to set a password; when left out, only customers without a password
 *               are invited
 * @param reason why a request is rejected (optional, shown to the customer)
 */
public record AccessDecision(List<String> groups, Boolean invite, String reason) {
}
