package io.clientele.local;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples the used heap of running services four times a second from their Prometheus metrics, keeping each one's
 * peak (rendering the metrics costs the service; more often would weigh on what is measured).
 */
final class HeapPeaks implements AutoCloseable {

    private static final Pattern HEAP = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)");

    private final Map<String, Integer> ports;
    private final Map<String, Long> peaks = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    /** @param ports service name -> HTTP port */
    HeapPeaks(Map<String, Integer> ports) {
        this.ports = new LinkedHashMap<>(ports);
        this.sampler = Thread.ofPlatform().daemon().start(this::sample);
    }

    private void sample() {
        while (running) {
            ports.forEach((service, port) -> {
                try {
                    peaks.merge(service, heapUsed(port), Math::max);
                } catch (Exception e) {
                    // a sample missed while the service is busy; the next one counts
                }
            });
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Each service's peak heap in MB, as "name 123 MB, ...". */
    String describe() {
        StringBuilder text = new StringBuilder();
        ports.keySet().forEach(service -> text.append(text.isEmpty() ? "" : ", ").append(service)
                .append(String.format(" %.0f MB", peaks.getOrDefault(service, 0L) / 1e6)));
        return text.toString();
    }

    long peak(String service) {
        return peaks.getOrDefault(service, 0L);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join();
    }

    private static long heapUsed(int port) throws Exception {
        String metrics = StackHttp.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")));
        Matcher used = HEAP.matcher(metrics);
        long sum = 0;
        while (used.find()) {
            sum += (long) Double.parseDouble(used.group(1));
        }
        return sum;
    }
}
