package io.clientele.customer.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One customer: read (with what other features add to it, its notes), replace, patch (JSON merge patch) and delete, with ETags (creation is
 * {@code creation.CustomerCreationController}'s). A delete with {@code erase=true} erases the customer's personal
 * data in every service.
 */
@RestController
@RequestMapping("/api/v1/sites/{siteId}/customers")
class CustomerController {

    private final CustomerService service;
    private final CustomerStore store;
    private final List<CustomerDetail> details;

    CustomerController(CustomerService service, CustomerStore store, List<CustomerDetail> details) {
        this.service = service;
        this.store = store;
        this.details = details;
    }

    @GetMapping("/{customerId}")
    Mono<ResponseEntity<Map<String, Object>>> get(@PathVariable String siteId, @PathVariable UUID customerId) {
        return store.existing(siteId, customerId)
                .flatMap(stored -> Flux.fromIterable(details)
                        .concatMap(detail -> detail.of(siteId, customerId).map(value -> Map.entry(detail.field(), (Object) value)))
                        .collectList()
                        .map(parts -> {
                            Map<String, Object> customer = new LinkedHashMap<>(stored.fields());
                            parts.forEach(part -> customer.put(part.getKey(), part.getValue()));
                            return ResponseEntity.ok().eTag(stored.etag()).body(customer);
                        }));
    }

    @PutMapping("/{customerId}")
    Mono<ResponseEntity<Map<String, Object>>> replace(@PathVariable String siteId, @PathVariable UUID customerId,
                                                      @RequestBody Map<String, Object> body,
                                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                      @RequestParam(defaultValue = "false") boolean cascade) {
        return answer(service.change(siteId, customerId, body, false, ifMatch, cascade));
    }

    /** A JSON merge patch (RFC 7396): the fields named are set, null empties one, the others stay. */
    @PatchMapping("/{customerId}")
    Mono<ResponseEntity<Map<String, Object>>> patch(@PathVariable String siteId, @PathVariable UUID customerId,
                                                    @RequestBody Map<String, Object> body,
                                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                    @RequestParam(defaultValue = "false") boolean cascade) {
        return answer(service.change(siteId, customerId, body, true, ifMatch, cascade));
    }

    @DeleteMapping("/{customerId}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String siteId, @PathVariable UUID customerId,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      @RequestParam(defaultValue = "false") boolean erase) {
        return service.delete(siteId, customerId, ifMatch, erase).thenReturn(ResponseEntity.status(HttpStatus.NO_CONTENT).build());
    }

    private static Mono<ResponseEntity<Map<String, Object>>> answer(Mono<StoredCustomer> change) {
        return change.map(stored -> ResponseEntity.ok().eTag(stored.etag()).body(stored.fields()));
    }
}
