package io.clientele.access.invitation;

import io.clientele.events.CustomerCreated;
import io.clientele.platform.web.ProblemException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The invitation asked for as a customer was created ({@code CustomerCreated.invite}), sent once the directory knows
 * them. customer-service accepts the request only for a customer with an e-mail address and an active account; one
 * that cannot be invited all the same is left uninvited and said so in the log, not retried.
 */
@Component
public class CreatedInvitations {

    private static final Logger LOG = LoggerFactory.getLogger(CreatedInvitations.class);

    private final InvitationService invitations;

    CreatedInvitations(InvitationService invitations) {
        this.invitations = invitations;
    }

    public Mono<Void> invited(CustomerCreated created) {
        return invitations.invite(created.getSiteId(), UUID.fromString(created.getCustomerId())).then()
                .onErrorResume(ProblemException.class, refused -> {
                    LOG.warn("Customer {} of site {} was not invited: {}", created.getCustomerId(), created.getSiteId(),
                            refused.getBody().getDetail());
                    return Mono.empty();
                });
    }
}
