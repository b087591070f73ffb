package io.clientele.schemas.serde;

import org.apache.avro.Schema;

/**
 * An Avro record already written in binary with its schema (as outbox rows written before the outbox kept the wire
 * format hold it): {@link AvroSerializer} frames the bytes with the schema's id as they are.
 */
public record EncodedRecord(Schema schema, byte[] body) {
}
