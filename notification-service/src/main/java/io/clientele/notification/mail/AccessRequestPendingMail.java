package io.clientele.notification.mail;

import io.clientele.notification.site.SiteSettings;
import java.util.Map;

/** Tells a site's owner that a visitor asked for access to a protected page and waits for a decision. */
final class AccessRequestPendingMail {

    static final String TEMPLATE = "access-request-pending";

    private AccessRequestPendingMail() {
    }

    static MailContent render(SiteSettings site, Map<String, Object> params, String adminBaseUrl) {
        String visitor = visitor(params);
        String link = adminBaseUrl + "/sites/" + site.siteId() + "/access-requests/" + params.get("requestId");
        String text = """
                Hello,

                %s asked for access to the page "%s" on %s.

                The request is pending until you approve or reject it:
                %s

                -- %s
                """.formatted(visitor, params.get("pageId"), site.name(), link, site.name());
        return new MailContent("New access request on " + site.name() + " from " + visitor, text);
    }

    private static String visitor(Map<String, Object> params) {
        String name = String.join(" ", java.util.stream.Stream.of(params.get("firstName"), params.get("lastName"))
                .filter(java.util.Objects::nonNull).map(Object::toString).toList());
        return name.isBlank() ? params.get("email").toString() : name + " <" + params.get("email") + ">";
    }
}
