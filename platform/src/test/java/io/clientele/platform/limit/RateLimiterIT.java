package io.clientele.platform.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.platform.PlatformTestSupport;
import io.clientele.platform.web.ProblemException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class RateLimiterIT extends PlatformTestSupport {

    private static final RateLimit THREE_A_MINUTE = new RateLimit(3, Duration.ofMinutes(1));

    @Autowired
    private RateLimiter limiter;

    @Test
    void pastTheLimitA429SaysWhenToTryAgainAndOtherSubjectsAreNotTouched() {
        String subject = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            limiter.consume("test", subject, THREE_A_MINUTE, "tests").block();
        }

        Throwable refused = limiter.consume("test", subject, THREE_A_MINUTE, "tests").then(Mono.<Throwable>empty())
                .onErrorResume(Mono::just).block();
        assertThat(refused).isInstanceOf(ProblemException.class);
        ProblemException problem = (ProblemException) refused;
        assertThat(problem.getStatusCode().value()).isEqualTo(429);
        assertThat(problem.getBody().getType().toString()).isEqualTo("https://clientele.io/problems/rate-limited");
        assertThat(Long.parseLong(problem.getHeaders().getFirst("Retry-After"))).isBetween(1L, 20L);
        limiter.consume("test", UUID.randomUUID().toString(), THREE_A_MINUTE, "tests").block();
        assertThat(count("SELECT count(*) AS n FROM rate_limit_buckets WHERE id LIKE 'test:%" + subject + "'")).isEqualTo(1);
    }

    @Test
    void parallelRequestsNeverPassMoreThanTheLimit() {
        String subject = UUID.randomUUID().toString();
        RateLimit five = new RateLimit(5, Duration.ofMinutes(10));

        long passed = Flux.range(0, 20)
                .flatMap(i -> limiter.consume("parallel", subject, five, "tests").thenReturn(true)
                        .onErrorResume(ProblemException.class, refused -> Mono.just(false)), 20)
                .filter(Boolean::booleanValue).count().block();

        assertThat(passed).isEqualTo(5);
    }
}
