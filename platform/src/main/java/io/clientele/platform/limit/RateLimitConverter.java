package io.clientele.platform.limit;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.convert.converter.Converter;

/** Reads a rate limit from configuration as {@code COUNT/PERIOD}: {@code 20/10m} is 20 per 10 minutes. */
public class RateLimitConverter implements Converter<String, RateLimit> {

    @Override
    public RateLimit convert(String source) {
        String[] parts = source.trim().split("\\s*/\\s*", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("A rate limit reads COUNT/PERIOD, such as 20/10m: " + source);
        }
        return new RateLimit(Integer.parseInt(parts[0]), DurationStyle.detectAndParse(parts[1]));
    }
}
