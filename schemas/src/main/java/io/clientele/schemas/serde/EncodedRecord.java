package io.clientele.schemas.serde;

import org.apache.avro.Schema;

/**
 * An Avro record already written in binary with its schema (as an outbox keeps it): {@link AvroSerializer} frames
 * the bytes with the schema's id as they are, instead of reading and writing the record again.
 */
public record EncodedRecord(Schema schema, byte[] body) {
}
