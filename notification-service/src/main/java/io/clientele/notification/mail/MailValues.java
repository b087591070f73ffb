package io.clientele.notification.mail;

import io.clientele.notification.site.SiteSettings;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.web.util.UriComponentsBuilder;

/** The values a mail's template is rendered with: what its event said, the site's name, and the links. */
final class MailValues {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private MailValues() {
    }

    /**
     * @param locale      the locale the mail is written in: the customer's pages open in its language
     * @param unsubscribe the token of a marketing mail's unsubscribe and preferences links; null for other mails
     */
    static Map<String, Object> of(OutgoingMail mail, SiteSettings site, NotificationProperties links, String pixelUrl,
                                  String locale, String unsubscribe) {
        Map<String, Object> params = mail.params();
        Map<String, Object> values = new HashMap<>(params);
        values.remove("token");
        values.put("siteName", site.name());
        values.put("greetingName", params.get("firstName") != null ? params.get("firstName") : params.get("email"));
        values.put("visitor", visitor(params));
        if (params.get("expiresAt") != null) {
            values.put("expiresAt", EXPIRY.format(Instant.parse(params.get("expiresAt").toString())));
        }
        if (pixelUrl != null) {
            values.put("pixelUrl", pixelUrl);
        }
        String siteId = site.siteId();
        String lang = locale.split("-")[0];
        if (unsubscribe != null) {
            values.put("unsubscribeLink", unsubscribeLink(links, siteId, unsubscribe, lang));
            values.put("preferencesLink", link(links.publicBaseUrl(), "sites", siteId, "preferences")
                    .queryParam("token", unsubscribe).queryParam("lang", lang).toUriString());
        }
        switch (mail.kind()) {
            case ACCESS_REQUEST_PENDING -> values.put("requestLink",
                    link(links.adminBaseUrl(), "sites", siteId, "access-requests", params.get("requestId")).toUriString());
            case ACCESS_REQUESTS_DIGEST -> {
                List<Map<String, Object>> items = items(params);
                values.put("requests", items.stream().map(item -> Map.of("visitor", visitor(item),
                        "pageId", String.valueOf(item.get("pageId")))).toList());
                values.put("count", items.size());
                values.put("requestsLink", link(links.adminBaseUrl(), "sites", siteId, "access-requests")
                        .queryParam("status", "PENDING").toUriString());
            }
            case IMPORT_FINISHED -> {
                values.put("importLink", link(links.adminBaseUrl(), "sites", siteId, "imports", params.get("importId")).toUriString());
                if (((Number) params.getOrDefault("failed", 0)).longValue() > 0) {
                    values.put("failureReportLink", link(links.adminBaseUrl(), "sites", siteId, "imports",
                            params.get("importId"), "failures.xlsx").toUriString());
                }
            }
            case INVITATION -> values.put("setPasswordLink", link(links.publicBaseUrl(), "sites", siteId, "set-password")
                    .queryParam("token", params.get("token")).queryParam("lang", lang).toUriString());
            case PASSWORD_RESET -> values.put("resetLink", link(links.publicBaseUrl(), "sites", siteId, "reset-password")
                    .queryParam("token", params.get("token")).queryParam("lang", lang).toUriString());
            case EMAIL_VERIFICATION -> values.put("verifyLink", link(links.publicBaseUrl(), "sites", siteId, "verify-email")
                    .queryParam("token", params.get("token")).queryParam("lang", lang).toUriString());
            case CONSENT_CONFIRMATION -> values.put("confirmLink", link(links.publicBaseUrl(), "sites", siteId,
                    "confirm-email").queryParam("token", params.get("token")).queryParam("lang", lang).toUriString());
            case ACCESS_APPROVED -> values.put("pageLink",
                    link(links.publicBaseUrl(), "sites", siteId, "pages", params.get("pageId")).queryParam("lang", lang)
                            .toUriString());
            case ACCESS_REJECTED, NEWSLETTER_WELCOME -> {
            }
        }
        return values;
    }

    /** Where a marketing mail's unsubscribe link and its one-click POST (RFC 8058) go. */
    static String unsubscribeLink(NotificationProperties links, String siteId, String token, String lang) {
        return link(links.publicBaseUrl(), "sites", siteId, "unsubscribe").queryParam("token", token)
                .queryParam("lang", lang).toUriString();
    }

    private static UriComponentsBuilder link(String base, Object... segments) {
        return UriComponentsBuilder.fromUriString(base)
                .pathSegment(Stream.of(segments).map(Object::toString).toArray(String[]::new))
                .encode();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> params) {
        Object items = params.get("items");
        return items instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static String visitor(Map<String, Object> params) {
        String name = Stream.of(params.get("firstName"), params.get("lastName")).filter(Objects::nonNull)
                .map(Object::toString).collect(Collectors.joining(" "));
        return name.isBlank() ? String.valueOf(params.get("email")) : name + " <" + params.get("email") + ">";
    }
}
