package io.clientele.access.credential;

import io.clientele.access.AccessProperties;
import io.clientele.access.customer.CustomerDirectory;
import io.clientele.access.link.LinkPurpose;
import io.clientele.access.link.LinkTokens;
import io.clientele.events.CustomerCaptured;
import io.clientele.events.EmailVerificationRequested;
import io.clientele.events.SignupChannel;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import io.clientele.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * An app's registration with a password. The password is checked and kept hashed; the sign-up goes to
 * customer-service as any other (through the edge, in the same call). When the customer it makes arrives here, a
 * link is mailed to the address, and following it makes the password the customer's: never before, so that nobody
 * sets a password for an address they do not read, and never over a password the customer already has.
 */
@Service
public class Registrations {

    private final PendingPasswords pending;
    private final PasswordHasher hasher;
    private final LinkTokens links;
    private final Credentials credentials;
    private final CustomerDirectory customers;
    private final PasswordService passwords;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final AccessProperties properties;
    private final Clock clock;

    Registrations(PendingPasswords pending, PasswordHasher hasher, LinkTokens links, Credentials credentials,
                  CustomerDirectory customers, PasswordService passwords, Outbox outbox, TransactionalOperator tx,
                  AccessProperties properties, Clock clock) {
        this.pending = pending;
        this.hasher = hasher;
        this.links = links;
        this.credentials = credentials;
        this.customers = customers;
        this.passwords = passwords;
        this.outbox = outbox;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** Keeps the password chosen for the address until the address is verified; a 400 when it misses the policy. */
    Mono<Void> register(String siteId, String email, String password) {
        PasswordPolicy.check(password, email);
        Instant now = clock.instant();
        return hasher.hash(password)
                .flatMap(hash -> pending.save(siteId, email, hash, now, now.plus(properties.invitationValidity())));
    }

    /**
     * In the capture's transaction: a registration's customer has arrived; if a password waits for the address and
     * the customer has none, the verification link goes out.
     */
    public Mono<Void> onCapture(CustomerCaptured capture) {
        if (capture.getChannel() != SignupChannel.REGISTRATION) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        UUID customerId = UUID.fromString(capture.getCustomerId());
        return pending.waiting(capture.getSiteId(), capture.getEmail(), now)
                .filter(Boolean::booleanValue)
                .flatMap(waiting -> credentials.passwordHash(customerId).hasElement())
                .filter(hasPassword -> !hasPassword)
                .flatMap(none -> links.issue(capture.getSiteId(), customerId, LinkPurpose.EMAIL_VERIFICATION, now,
                        properties.invitationValidity()))
                .flatMap(link -> outbox.add(Topics.ACCESS_EVENTS, "customer", capture.getCustomerId(),
                        EmailVerificationRequested.newBuilder()
                                .setEventId(Events.newEventId())
                                .setOccurredAt(now)
                                .setSiteId(capture.getSiteId())
                                .setCustomerId(capture.getCustomerId())
                                .setEmail(capture.getEmail())
                                .setFirstName(capture.getFirstName())
                                .setLastName(capture.getLastName())
                                .setLocale(capture.getLocale())
                                .setSealedToken(link.sealedToken())
                                .setExpiresAt(link.expiresAt())
                                .build()));
    }

    /** Follows the verification link: the waiting password becomes the customer's, unless they set one since. */
    Mono<Void> verify(String siteId, String token) {
        Instant now = clock.instant();
        return tx.transactional(links.holder(siteId, token, now)
                .filter(holder -> holder.purpose() == LinkPurpose.EMAIL_VERIFICATION)
                .flatMap(holder -> links.use(siteId, token, now))
                .flatMap(holder -> customers.find(siteId, holder.customerId()))
                .switchIfEmpty(Mono.error(PasswordService::linkNotValid))
                .flatMap(customer -> pending.take(siteId, customer.email(), now)
                        .flatMap(hash -> credentials.passwordHash(customer.customerId()).hasElement()
                                .flatMap(hasPassword -> hasPassword ? Mono.empty() : passwords.applied(customer, hash, now)))));
    }
}
