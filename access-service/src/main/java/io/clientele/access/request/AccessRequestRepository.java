package io.clientele.access.request;

import io.clientele.events.CustomerCaptured;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class AccessRequestRepository {

    private final DatabaseClient db;

    AccessRequestRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Opens a PENDING request unless the customer already has one for the page; answers the new request's id. */
    Mono<UUID> openPending(CustomerCaptured capture) {
        return db.sql("""
                        INSERT INTO access_requests (id, site_id, customer_id, page_id, email, first_name, last_name, locale,
                                                     status, requested_at, capture_event_id)
                        VALUES (:id, :siteId, :customerId, :pageId, :email, :firstName, :lastName, :locale,
                                'PENDING', :requestedAt, :eventId)
                        ON CONFLICT (site_id, customer_id, page_id) WHERE status = 'PENDING' DO NOTHING
                        RETURNING id""")
                .bind("id", UUID.randomUUID())
                .bind("siteId", capture.getSiteId())
                .bind("customerId", UUID.fromString(capture.getCustomerId()))
                .bind("pageId", capture.getPageId())
                .bind("email", capture.getEmail())
                .bind("firstName", Parameter.fromOrEmpty(capture.getFirstName(), String.class))
                .bind("lastName", Parameter.fromOrEmpty(capture.getLastName(), String.class))
                .bind("locale", Parameter.fromOrEmpty(capture.getLocale(), String.class))
                .bind("requestedAt", capture.getOccurredAt())
                .bind("eventId", capture.getEventId())
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    /** Whether the customer has asked for the page and waits for the owner's decision. */
    public Mono<Boolean> hasPending(String siteId, UUID customerId, String pageId) {
        return db.sql("""
                        SELECT EXISTS (SELECT 1 FROM access_requests WHERE site_id = :siteId AND customer_id = :customerId
                                                                      AND page_id = :pageId AND status = 'PENDING') AS pending""")
                .bind("siteId", siteId).bind("customerId", customerId).bind("pageId", pageId)
                .map(row -> Boolean.TRUE.equals(row.get("pending", Boolean.class)))
                .one();
    }

    Mono<AccessRequest> find(String siteId, UUID id) {
        return db.sql("SELECT * FROM access_requests WHERE site_id = :siteId AND id = :id")
                .bind("siteId", siteId).bind("id", id)
                .map(AccessRequestRepository::toRequest).one();
    }

    /** Decides a PENDING request; empty when there is no such request or it was decided already. */
    Mono<AccessRequest> decide(String siteId, UUID id, AccessRequestStatus status, List<String> groups, String reason,
                               String decidedBy, Instant at) {
        return db.sql("""
                        UPDATE access_requests SET status = :status, decided_at = :at, groups = :groups,
                                                   rejection_reason = :reason, decided_by = :decidedBy
                        WHERE site_id = :siteId AND id = :id AND status = 'PENDING'
                        RETURNING *""")
                .bind("status", status.name()).bind("at", at)
                .bind("groups", Parameter.fromOrEmpty(groups == null ? null : groups.toArray(String[]::new), String[].class))
                .bind("reason", Parameter.fromOrEmpty(reason, String.class))
                .bind("decidedBy", decidedBy)
                .bind("siteId", siteId).bind("id", id)
                .map(AccessRequestRepository::toRequest).one();
    }

    /**
     * A page of the site's requests, newest first, of one status and one customer where given.
     *
     * @param before the id of the last request of the previous page, or null for the newest
     */
    Flux<AccessRequest> list(String siteId, AccessRequestStatus status, UUID customerId, UUID before, int limit) {
        return db.sql("""
                        SELECT * FROM access_requests
                        WHERE site_id = :siteId AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)
                          AND (CAST(:customerId AS UUID) IS NULL OR customer_id = :customerId)
                          AND (CAST(:before AS UUID) IS NULL
                               OR (requested_at, id) < (SELECT requested_at, id FROM access_requests
                                                        WHERE id = :before AND site_id = :siteId))
                        ORDER BY requested_at DESC, id DESC LIMIT :limit""")
                .bind("siteId", siteId)
                .bind("status", Parameter.fromOrEmpty(status == null ? null : status.name(), String.class))
                .bind("customerId", Parameter.fromOrEmpty(customerId, UUID.class))
                .bind("before", Parameter.fromOrEmpty(before, UUID.class))
                .bind("limit", limit)
                .map(AccessRequestRepository::toRequest).all();
    }

    private static AccessRequest toRequest(Readable row) {
        String[] groups = row.get("groups", String[].class);
        return new AccessRequest(row.get("id", UUID.class), row.get("site_id", String.class), row.get("customer_id", UUID.class),
                row.get("page_id", String.class), row.get("email", String.class), row.get("first_name", String.class),
                row.get("last_name", String.class), AccessRequestStatus.valueOf(row.get("status", String.class)),
                row.get("locale", String.class), row.get("requested_at", Instant.class), row.get("decided_at", Instant.class),
                row.get("decided_by", String.class),
                groups == null ? null : List.of(groups), row.get("rejection_reason", String.class));
    }
}
