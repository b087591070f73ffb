package io.clientele.customer.customer;

import io.clientele.platform.web.PageLimits;
import io.clientele.platform.web.ProblemException;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/sites/{siteId}/customers")
class CustomerController {

    private final CustomerRepository customers;

    CustomerController(CustomerRepository customers) {
        this.customers = customers;
    }

    @GetMapping
    Mono<CustomerPage> search(@PathVariable String siteId, @RequestParam(required = false) String q,
                              @RequestParam(defaultValue = "50") int limit) {
        return customers.search(siteId, q, PageLimits.checked(limit)).collectList().map(items -> new CustomerPage(items, limit));
    }

    @GetMapping("/{customerId}")
    Mono<Customer> get(@PathVariable String siteId, @PathVariable UUID customerId) {
        return customers.find(siteId, customerId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("customer", customerId.toString())));
    }
}
