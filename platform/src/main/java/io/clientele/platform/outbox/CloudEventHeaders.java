package io.clientele.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;

/**
 * The CloudEvents Kafka protocol binding's headers (binary content mode) on every record the outbox sends: its id,
 * type, source and time, so that tools route and trace records without decoding their Avro value.
 */
final class CloudEventHeaders {

    static final String SPEC_VERSION = "ce_specversion";
    static final String ID = "ce_id";
    static final String TYPE = "ce_type";
    static final String SOURCE = "ce_source";
    static final String TIME = "ce_time";

    private CloudEventHeaders() {
    }

    /**
     * @param id     the outbox row's id, the same each time the record is sent again
     * @param type   the event's Avro full name ({@code io.clientele.events.CustomerCreated})
     * @param source the service that wrote it, as a URI reference ({@code /clientele/customer-service})
     */
    static void addTo(Headers headers, String id, String type, String source, Instant time) {
        add(headers, SPEC_VERSION, "1.0");
        add(headers, ID, id);
        add(headers, TYPE, type);
        add(headers, SOURCE, source);
        add(headers, TIME, time.toString());
        add(headers, "content-type", "application/avro");
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
