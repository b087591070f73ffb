package io.clientele.customer.site;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
public class SiteRepository {

    private final DatabaseClient db;

    SiteRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Site> find(String siteId) {
        return db.sql("SELECT * FROM sites WHERE site_id = :siteId").bind("siteId", siteId).map(SiteRepository::toSite).one();
    }

    /** The site, locked until the transaction ends. */
    Mono<Site> lock(String siteId) {
        return db.sql("SELECT * FROM sites WHERE site_id = :siteId FOR UPDATE").bind("siteId", siteId)
                .map(SiteRepository::toSite).one();
    }

    public Mono<Boolean> exists(String siteId) {
        return db.sql("SELECT 1 FROM sites WHERE site_id = :siteId").bind("siteId", siteId).map(row -> true).one()
                .defaultIfEmpty(false);
    }

    Mono<Site> save(String siteId, SiteSettings settings) {
        return db.sql("""
                        INSERT INTO sites (site_id, name, owner_email, locale, sender_name, sender_email, require_names, erase_on_delete,
                                           single_opt_in, owner_mail_digest, allowed_origins)
                        VALUES (:siteId, :name, :ownerEmail, :locale, :senderName, :senderEmail, :requireNames, :eraseOnDelete,
                                :singleOptIn, :ownerMailDigest, :allowedOrigins)
                        ON CONFLICT (site_id) DO UPDATE SET name = excluded.name, owner_email = excluded.owner_email,
                            locale = excluded.locale, sender_name = excluded.sender_name,
                            sender_email = excluded.sender_email,
                            require_names = excluded.require_names, erase_on_delete = excluded.erase_on_delete,
                            single_opt_in = excluded.single_opt_in, owner_mail_digest = excluded.owner_mail_digest,
                            allowed_origins = excluded.allowed_origins,
                            updated_at = now()
                        RETURNING *""")
                .bind("siteId", siteId)
                .bind("name", settings.name())
                .bind("ownerEmail", settings.ownerEmail())
                .bind("locale", settings.locale())
                .bind("senderName", Parameter.fromOrEmpty(settings.senderName(), String.class))
                .bind("senderEmail", Parameter.fromOrEmpty(settings.senderEmail(), String.class))
                .bind("requireNames", settings.namesRequired())
                .bind("eraseOnDelete", settings.erasesOnDelete())
                .bind("singleOptIn", settings.singleOptInChosen())
                .bind("ownerMailDigest", settings.digestsOwnerMails())
                .bind("allowedOrigins", settings.origins().toArray(String[]::new))
                .map(SiteRepository::toSite).one();
    }

    private static Site toSite(Readable row) {
        return new Site(row.get("site_id", String.class), row.get("name", String.class), row.get("owner_email", String.class),
                row.get("locale", String.class), row.get("sender_name", String.class), row.get("sender_email", String.class),
                Boolean.TRUE.equals(row.get("require_names", Boolean.class)),
                Boolean.TRUE.equals(row.get("erase_on_delete", Boolean.class)),
                Boolean.TRUE.equals(row.get("single_opt_in", Boolean.class)),
                !Boolean.FALSE.equals(row.get("owner_mail_digest", Boolean.class)),
                List.of(row.get("allowed_origins", String[].class)), row.get("updated_at", Instant.class));
    }
}
