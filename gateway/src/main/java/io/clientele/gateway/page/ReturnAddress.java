package io.clientele.gateway.page;

import io.clientele.gateway.site.SiteProfile;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the log-in page sends the visitor back to: only a page on one of the site's own origins, so that the edge
 * never hands a session to another site (an open redirect).
 */
final class ReturnAddress {

    private ReturnAddress() {
    }

    /** The address if it is on one of the site's origins; null otherwise. */
    static String onSite(String address, SiteProfile site) {
        if (address == null || address.isBlank() || address.length() > 2000) {
            return null;
        }
        try {
            URI uri = new URI(address);
            if (uri.getScheme() == null || uri.getHost() == null || uri.getRawFragment() != null) {
                return null;
            }
            String origin = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            return site.allows(origin) ? uri.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
