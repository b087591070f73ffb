package io.clientele.customer.erasure;

import io.clientele.platform.web.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The status of a customer's erasure: which services have confirmed it. */
@RestController
@EnableConfigurationProperties(ErasureProperties.class)
class ErasureController {

    private final Erasures erasures;
    private final List<String> services;

    ErasureController(Erasures erasures, ErasureProperties properties) {
        this.erasures = erasures;
        this.services = properties.services();
    }

    @GetMapping("/api/v1/sites/{siteId}/erasures/{customerId}")
    Mono<ErasureStatus> status(@PathVariable String siteId, @PathVariable UUID customerId) {
        return erasures.status(siteId, customerId, services)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("erasure", customerId.toString())));
    }
}
