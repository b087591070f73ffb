package io.clientele.access.customer;

import io.clientele.platform.web.ProblemException;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * Read-your-writes for an owner's next step: a customer created a moment ago may not have reached access-service's
 * directory yet. When the directory does not know the customer, customer-service (which owns customers) is asked
 * with the owner's own token: if it has no such customer the answer is 404; if it has, access-service waits, a
 * bounded while, for the customer's event, and answers 409 with Retry-After if it is still on its way. The directory
 * stays written by events alone.
 */
@Component
public class CustomerArrival {

    private static final Duration POLL = Duration.ofMillis(100);

    private final CustomerDirectory directory;
    private final CustomerServiceProperties customerService;
    private final WebClient http = WebClient.create();

    CustomerArrival(CustomerDirectory directory, CustomerServiceProperties customerService) {
        this.directory = directory;
        this.customerService = customerService;
    }

    /** The customer, once access-service knows them. */
    public Mono<KnownCustomer> known(String siteId, UUID customerId, String authorization) {
        return directory.find(siteId, customerId).switchIfEmpty(Mono.defer(() -> existsInCustomerService(siteId, customerId,
                authorization).flatMap(exists -> exists ? arrival(siteId, customerId) : Mono.error(notFound(customerId)))));
    }

    private Mono<KnownCustomer> arrival(String siteId, UUID customerId) {
        long polls = Math.max(1, customerService.arrivalWait().toMillis() / POLL.toMillis());
        return directory.find(siteId, customerId)
                .repeatWhenEmpty((int) polls, ticks -> ticks.delayElements(POLL))
                .switchIfEmpty(Mono.error(() -> {
                    ProblemException problem = new ProblemException(HttpStatus.CONFLICT, "customer-not-yet-known",
                            "Customer on its way", "The customer was just created and has not reached access-service yet: "
                            + "try again in a moment.");
                    problem.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
                    return problem;
                }));
    }

    private Mono<Boolean> existsInCustomerService(String siteId, UUID customerId, String authorization) {
        URI customer = customerService.url().resolve("/api/v1/sites/" + siteId + "/customers/" + customerId);
        return http.get().uri(customer).header(HttpHeaders.AUTHORIZATION, authorization)
                .retrieve().toBodilessEntity()
                .map(found -> true)
                .onErrorResume(WebClientResponseException.NotFound.class, missing -> Mono.just(false))
                .timeout(customerService.timeout())
                .onErrorMap(error -> !(error instanceof ProblemException), error -> {
                    ProblemException problem = new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "customer-service-unavailable",
                            "Customers unavailable", "access-service does not know this customer yet and could not ask "
                            + "customer-service: try again in a moment.");
                    problem.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
                    return problem;
                });
    }

    private static ProblemException notFound(UUID customerId) {
        return ProblemException.notFound("customer", customerId.toString());
    }
}
