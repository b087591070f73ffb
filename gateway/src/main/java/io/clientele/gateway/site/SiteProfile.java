package io.clientele.gateway.site;

import java.util.List;
import java.util.Locale;

/** What the edge knows of a site: its name and language for its pages, and the origins its browsers may call from. */
public record SiteProfile(String siteId, String name, String locale, List<String> allowedOrigins) {

    public SiteProfile {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    public Locale language() {
        return Locale.forLanguageTag(locale == null ? "en" : locale);
    }

    public boolean allows(String origin) {
        return origin != null && allowedOrigins.contains(origin);
    }
}
