package io.clientele.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/** The one HTTP client (and connection pool) the edge's own calls to the services share. */
@Configuration(proxyBeanMethods = false)
class ServiceClient {

    @Bean
    WebClient services() {
        return WebClient.builder().build();
    }
}
