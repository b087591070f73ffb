package io.clientele.customer.site;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A site's settings: the body of {@code PUT /api/v1/sites/{siteId}}, and what a {@code PATCH} merges into. */
public record SiteSettings(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String ownerEmail,
        @NotBlank @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag such as en or fr-CA") String locale,
        @Size(max = 200) String senderName,
        @Email @Size(max = 254) String senderEmail,
        Boolean requireNames,
        Boolean eraseOnDelete,
        Boolean singleOptIn,
        Boolean ownerMailDigest,
        @Size(max = 20) List<@NotNull @AllowedOrigin String> allowedOrigins) {

    /** The settings a site has now, as a body would send them. */
    static SiteSettings of(Site site) {
        return new SiteSettings(site.name(), site.ownerEmail(), site.locale(), site.senderName(), site.senderEmail(),
                site.requireNames(), site.eraseOnDelete(), site.singleOptIn(), site.ownerMailDigest(),
                site.allowedOrigins());
    }

    /** The origins allowed to call the public endpoints from a browser, each once (none unless set). */
    public List<String> origins() {
        return allowedOrigins == null ? List.of() : allowedOrigins.stream().distinct().toList();
    }

    /** The site's validation policy: every customer has a first and a last name (off unless set). */
    public boolean namesRequired() {
        return Boolean.TRUE.equals(requireNames);
    }

    /**
     * Consent from the site's public forms counts at once, without the confirmation link of double opt-in (off unless
     * set): weaker evidence, the site's own choice.
     */
    public boolean singleOptInChosen() {
        return Boolean.TRUE.equals(singleOptIn);
    }

    /** Bursts of access requests reach the owner as one digest mail once a few separate ones went (on unless set off). */
    public boolean digestsOwnerMails() {
        return !Boolean.FALSE.equals(ownerMailDigest);
    }

    /** "Automatic personal data deletion": every delete of a customer erases their data in every service (off unless set). */
    public boolean erasesOnDelete() {
        return Boolean.TRUE.equals(eraseOnDelete);
    }
}
