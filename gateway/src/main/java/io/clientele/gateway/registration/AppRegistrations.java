package io.clientele.gateway.registration;

import io.clientele.gateway.EdgeProperties;
import io.clientele.gateway.ForwardedFor;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * An app's registration with a password, in one call: the password goes to access-service, which keeps it until the
 * address is verified, and the sign-up (without it: no password travels further) to customer-service. The first
 * refusal is answered as the service gave it; a password that misses the policy stops the sign-up.
 */
@RestController
class AppRegistrations {

    private final WebClient services;
    private final EdgeProperties edge;

    AppRegistrations(WebClient services, EdgeProperties edge) {
        this.services = services;
        this.edge = edge;
    }

    @PostMapping(path = "/api/v1/sites/{siteId}/registrations", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> register(@PathVariable String siteId, @RequestBody Registration registration,
                                          ServerHttpRequest request) {
        String site = "/api/v1/sites/" + siteId;
        Map<String, Object> password = new HashMap<>();
        password.put("email", registration.email());
        password.put("password", registration.password());
        return post(edge.accessUrl() + site + "/registrations", password, request)
                .flatMap(stored -> stored.getStatusCode().is2xxSuccessful()
                        ? post(edge.customerUrl() + site + "/signups", registration.signup(), request)
                        : Mono.just(stored));
    }

    private Mono<ResponseEntity<byte[]>> post(String url, Map<String, Object> body, ServerHttpRequest visitor) {
        return services.post().uri(url)
                .header(ForwardedFor.HEADER, ForwardedFor.of(visitor))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(answer -> answer.toEntity(byte[].class))
                .timeout(edge.serviceTimeout())
                .map(AppRegistrations::passedOn);
    }

    /** The service's answer as it was, but for the headers that belong to the hop. */
    private static ResponseEntity<byte[]> passedOn(ResponseEntity<byte[]> answer) {
        HttpHeaders headers = new HttpHeaders();
        for (String name : new String[] {HttpHeaders.CONTENT_TYPE, HttpHeaders.RETRY_AFTER}) {
            String value = answer.getHeaders().getFirst(name);
            if (value != null) {
                headers.set(name, value);
            }
        }
        return new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
    }

    record Registration(String email, String password, String firstName, String lastName, String locale, Boolean optIn) {

        Map<String, Object> signup() {
            Map<String, Object> signup = new HashMap<>();
            signup.put("email", email);
            signup.put("channel", "REGISTRATION");
            signup.put("firstName", firstName);
            signup.put("lastName", lastName);
            signup.put("locale", locale);
            signup.put("optIn", optIn);
            return signup;
        }
    }
}
