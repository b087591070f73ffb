package io.clientele.access;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import io.clientele.access.customer.CustomerServiceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@EnableConfigurationProperties({AccessProperties.class, CustomerServiceProperties.class})
public class AccessServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccessServiceApplication.class, args);
    }

    /** Every expiry (links, sessions, log-in blocks) is reckoned on this clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
