package io.clientele.platform.limit;

import com.zaxxer.hikari.HikariDataSource;
import io.clientele.platform.polling.PollingLifecycle;
import io.clientele.platform.web.ProblemException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Abuse limits of public endpoints, as Bucket4j token buckets kept in the service's PostgreSQL database (one row per
 * bucket, taken with SELECT ... FOR UPDATE), so that every instance and entry point counts against the same limit.
 * Bucket4j's JDBC backend blocks, so each check runs on the bounded elastic scheduler. Buckets that have refilled
 * are deleted every minute. The JDBC pool is the limiter's own, not a bean, so that the services stay R2DBC
 * throughout (a DataSource bean would bring JDBC transaction management with it).
 */
public class RateLimiter extends PollingLifecycle implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    /** @param dataSource a small JDBC pool of the service's database, which this limiter owns and closes */
    public RateLimiter(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        poll("Rate limit bucket clean-up", Duration.ofMinutes(1), Duration.ofMinutes(1),
                () -> Mono.fromCallable(() -> buckets.removeExpired(1000)).subscribeOn(Schedulers.boundedElastic()));
    }

    /**
     * Takes one request from the bucket of {@code subject} under {@code scope} (an address, a site, a recipient);
     * errors with a 429 problem naming {@code what} and saying when to retry (Retry-After) when the bucket is empty.
     */
    public Mono<Void> consume(String scope, String subject, RateLimit limit, String what) {
        return Mono.fromCallable(() -> probe(limit.key(scope, subject), limit))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(probe -> probe.isConsumed() ? Mono.empty() : Mono.error(tooMany(what, probe)));
    }

    private ConsumptionProbe probe(String key, RateLimit limit) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.count()).refillGreedy(limit.count(), limit.per()).build())
                .build();
        return buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static ProblemException tooMany(String what, ConsumptionProbe probe) {
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()
                + (probe.getNanosToWaitForRefill() % 1_000_000_000L == 0 ? 0 : 1));
        ProblemException problem = new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "Too many " + what + " for now. Try again in " + seconds + " seconds.");
        problem.getHeaders().set("Retry-After", Long.toString(seconds));
        problem.getBody().setProperty("retryAfterSeconds", seconds);
        return problem;
    }
}
