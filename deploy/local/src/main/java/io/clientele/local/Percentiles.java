package io.clientele.local;

import java.util.List;

/** The benchmarks' percentiles: the nearest-rank value of a sorted list. */
final class Percentiles {

    private Percentiles() {
    }

    static long of(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
