package io.clientele.schemas.serde;

/**
 * An event already in Confluent's wire format, framed with the id of the schema it was written with (as the outbox
 * keeps it): {@link AvroSerializer} sends its bytes as they are.
 */
public record FramedRecord(byte[] bytes) {
}
