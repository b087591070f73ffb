package io.clientele.notification.site;

import io.clientele.events.SiteUpdated;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The local projection of SiteUpdated. */
@Repository
public class SiteSettingsRepository {

    private final DatabaseClient db;

    SiteSettingsRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Keeps the newest settings: an older event that arrives late changes nothing. */
    Mono<Void> apply(SiteUpdated site) {
        return db.sql("""
                        INSERT INTO sites (site_id, name, owner_email, locale, sender_name, sender_email, owner_mail_digest,
                                           as_of)
                        VALUES (:siteId, :name, :ownerEmail, :locale, :senderName, :senderEmail, :ownerMailDigest, :asOf)
                        ON CONFLICT (site_id) DO UPDATE SET name = excluded.name, owner_email = excluded.owner_email,
                            locale = excluded.locale, sender_name = excluded.sender_name,
                            sender_email = excluded.sender_email, owner_mail_digest = excluded.owner_mail_digest,
                            as_of = excluded.as_of
                        WHERE sites.as_of <= excluded.as_of""")
                .bind("siteId", site.getSiteId())
                .bind("name", site.getName())
                .bind("ownerEmail", site.getOwnerEmail())
                .bind("locale", site.getLocale())
                .bind("senderName", Parameter.fromOrEmpty(site.getSenderName(), String.class))
                .bind("senderEmail", Parameter.fromOrEmpty(site.getSenderEmail(), String.class))
                .bind("ownerMailDigest", site.getOwnerMailDigest())
                .bind("asOf", site.getOccurredAt())
                .then();
    }

    /** Whether the site's owner gets bursts of access requests as one digest; a site not known yet does. */
    public Mono<Boolean> digestsOwnerMails(String siteId) {
        return db.sql("SELECT owner_mail_digest FROM sites WHERE site_id = :siteId").bind("siteId", siteId)
                .map(row -> !Boolean.FALSE.equals(row.get("owner_mail_digest", Boolean.class)))
                .one().defaultIfEmpty(true);
    }

    public Mono<SiteSettings> find(String siteId) {
        return db.sql("SELECT * FROM sites WHERE site_id = :siteId").bind("siteId", siteId)
                .map(row -> new SiteSettings(row.get("site_id", String.class), row.get("name", String.class),
                        row.get("owner_email", String.class), row.get("locale", String.class),
                        row.get("sender_name", String.class), row.get("sender_email", String.class)))
                .one();
    }
}
