package io.clientele.platform.limit;

import java.time.Duration;

/**
 * At most {@code count} requests per {@code per}, refilled smoothly: {@code 20} per {@code 10m} lets a burst of 20
 * through, then one more every 30 seconds.
 */
public record RateLimit(int count, Duration per) {

    public RateLimit {
        if (count < 1 || per == null || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a count of at least 1 and a positive period");
        }
    }

    /** The bucket's name for this limit: a changed limit starts a bucket of its own. */
    String key(String scope, String subject) {
        return scope + ":" + count + "/" + per.toSeconds() + "s:" + subject;
    }
}
