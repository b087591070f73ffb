package io.clientele.notification.mail;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who a site's mail comes from. A site's own sender address is used as {@code From} only when its domain is one the
 * platform is configured to send for (its SPF, DKIM and DMARC records are the platform's to keep); otherwise the
 * mail comes from the platform's sender, with the site's address as {@code Reply-To}, so that no mail claims a
 * domain it would fail the checks of, and replies still reach the site.
 */
final class Senders {

    private final String defaultSender;
    private final Set<String> domains;

    Senders(String defaultSender, List<String> sendingDomains) {
        this.defaultSender = defaultSender;
        this.domains = sendingDomains.stream().map(domain -> domain.trim().toLowerCase(Locale.ROOT))
                .filter(domain -> !domain.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** @param siteSender the site's sender address, or null when it set none */
    Sender of(String siteSender) {
        if (siteSender == null || siteSender.isBlank()) {
            return new Sender(defaultSender, null);
        }
        String domain = siteSender.substring(siteSender.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return domains.contains(domain) ? new Sender(siteSender, null) : new Sender(defaultSender, siteSender);
    }

    /** @param replyTo null when replies go to {@code from} */
    record Sender(String from, String replyTo) {
    }
}
