package io.clientele.customer.capture;

import io.clientele.events.SignupCaptured;
import io.clientele.events.SignupChannel;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.web.ClientAddresses;
import io.clientele.platform.web.ProblemException;
import jakarta.validation.Valid;
import java.time.Instant;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The public capture endpoint: a sign-up is accepted (202) once its SignupCaptured event is safely recorded;
 * customer-service itself turns it into a customer a moment later. Sign-ups are limited per client address and per
 * site (429 with Retry-After, nothing written).
 */
@RestController
@EnableConfigurationProperties(CaptureLimits.class)
class SignupController {

    private final ClientAddresses clientAddresses;
    private final SignupIntake intake;

    SignupController(ClientAddresses clientAddresses, SignupIntake intake) {
        this.clientAddresses = clientAddresses;
        this.intake = intake;
    }

    @PostMapping("/api/v1/sites/{siteId}/signups")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<SignupAccepted> capture(@PathVariable String siteId, @Valid @RequestBody SignupRequest signup,
                                 ServerHttpRequest request) {
        SignupChannel channel = SignupChannel.valueOf(signup.channel());
        if (channel == SignupChannel.ACCESS_REQUEST && (signup.pageId() == null || signup.pageId().isBlank())) {
            return Mono.error(ProblemException.invalidField("pageId", "is required for an access request"));
        }
        SignupCaptured event = SignupCaptured.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(siteId)
                .setEmail(signup.email())
                .setFirstName(trimmed(signup.firstName()))
                .setLastName(trimmed(signup.lastName()))
                .setChannel(channel)
                .setPageId(trimmed(signup.pageId()))
                .setOptIn(Boolean.TRUE.equals(signup.optIn()))
                .setLocale(signup.locale())
                .setClientAddress(clientAddresses.of(request))
                .build();
        return intake.accept(event).thenReturn(new SignupAccepted(event.getEventId()));
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
