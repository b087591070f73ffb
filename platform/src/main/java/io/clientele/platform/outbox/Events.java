package io.clientele.platform.outbox;

import java.time.Instant;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** What every Clientele event carries (eventId, occurredAt, siteId), read from any generated event class. */
public final class Events {

    private Events() {
    }

    public static String eventId(SpecificRecord event) {
        return (String) field(event, "eventId");
    }

    public static String siteId(SpecificRecord event) {
        return (String) field(event, "siteId");
    }

    public static Instant occurredAt(SpecificRecord event) {
        return (Instant) field(event, "occurredAt");
    }

    /** A fresh event id. */
    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    private static Object field(SpecificRecord event, String name) {
        var field = event.getSchema().getField(name);
        if (field == null) {
            throw new IllegalArgumentException(event.getSchema().getFullName() + " has no " + name + " field");
        }
        return event.get(field.pos());
    }
}
