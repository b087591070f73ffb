package io.clientele.local;

import static io.clientele.local.StackHttp.send;

import io.clientele.events.AccessRequested;
import io.clientele.platform.outbox.Events;
import io.clientele.schemas.Topics;
import io.clientele.schemas.serde.AvroSerializer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts N owner e-mails in notification-service's queue at once (N AccessRequested events on access.events, for a
 * site of its own) on a running local stack, and prints how fast they reach the SMTP server: the delivery rate
 * from the first e-mail sent to the last, and from the first event published to the last e-mail sent.
 */
final class MailThroughputBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MailThroughputBenchmark() {
    }

    static void run(LocalStackPorts ports, Path kafkaAddressFile, int mails) throws Exception {
        String site = "mail-bench-" + System.currentTimeMillis();
        String token = LocalStack.token(site);
        send(HttpRequest.newBuilder(URI.create("http://localhost:" + ports.customer() + "/api/v1/sites/" + site))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"name": "Mail benchmark", "ownerEmail": "owner@%s.test", "locale": "en",
                         "ownerMailDigest": false}""".formatted(site))));
        Thread.sleep(1000); // the site's settings reach notification-service first

        Map<String, Object> config = Map.of("bootstrap.servers", Files.readString(kafkaAddressFile).strip(),
                "acks", "all", "linger.ms", 5,
                "schema.registry.url", "http://localhost:" + ports.registry() + "/apis/ccompat/v7");
        System.out.printf("Queueing %d owner e-mails for site %s ...%n", mails, site);
        Instant published;
        Instant start = Instant.now();
        AvroSerializer values = new AvroSerializer();
        values.configure(config, false);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), values)) {
            for (int i = 0; i < mails; i++) {
                AccessRequested requested = AccessRequested.newBuilder().setEventId(Events.newEventId())
                        .setOccurredAt(Instant.now()).setSiteId(site).setRequestId(UUID.randomUUID().toString())
                        .setCustomerId(UUID.randomUUID().toString()).setPageId("members")
                        .setEmail("visitor-" + i + "@visitors.test").setFirstName("Visitor").setLastName(String.valueOf(i))
                        .build();
                producer.send(new ProducerRecord<>(Topics.ACCESS_EVENTS, requested.getCustomerId(), requested));
            }
            producer.flush();
            published = Instant.now();
        }

        List<Instant> sent = awaitSent(ports, site, token, mails, Duration.ofMinutes(5));
        if (sent.size() < mails) {
            System.out.printf("Only %d of %d e-mails were sent within 5 minutes%n", sent.size(), mails);
            System.exit(1);
        }
        Instant first = sent.getFirst();
        Instant last = sent.getLast();
        double delivering = Duration.between(first, last).toMillis() / 1000.0;
        double overall = Duration.between(start, last).toMillis() / 1000.0;
        System.out.printf("Events published in %.2f s%n", Duration.between(start, published).toMillis() / 1000.0);
        System.out.printf("E-mails delivered to SMTP: %d in %.2f s from the first to the last: %.0f e-mails/s%n",
                mails, delivering, mails / delivering);
        System.out.printf("From the first event published to the last e-mail sent: %.2f s (%.0f e-mails/s)%n",
                overall, mails / overall);
    }

    private static List<Instant> awaitSent(LocalStackPorts ports, String site, String token, int expected, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Instant> sent = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            sent.clear();
            for (int offset = 0; ; offset += 200) {
                JsonNode page = JSON.readTree(send(HttpRequest.newBuilder(URI.create("http://localhost:" + ports.notification()
                                + "/api/v1/sites/" + site + "/notifications?status=SENT&limit=200&offset=" + offset))
                        .header("Authorization", "Bearer " + token).GET()));
                page.get("items").forEach(item -> sent.add(Instant.parse(item.get("sentAt").asString())));
                if (page.get("items").size() < 200) {
                    break;
                }
            }
            if (sent.size() >= expected) {
                break;
            }
            Thread.sleep(500);
        }
        sent.sort(null);
        return sent;
    }

}
