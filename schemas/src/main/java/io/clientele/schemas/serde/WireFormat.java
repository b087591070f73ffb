package io.clientele.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/** Confluent's wire format: magic byte 0, the schema id as a 4-byte big-endian int, then Avro binary. */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    static int readSchemaId(String topic, ByteBuffer buffer) {
        if (buffer.remaining() < HEADER_SIZE) {
            throw new SerializationException("Record on topic " + topic + " is " + buffer.remaining()
                    + " bytes long, too short for the 5-byte schema registry header");
        }
        byte magic = buffer.get();
        if (magic != MAGIC_BYTE) {
            throw new SerializationException("Unknown magic byte " + magic + " on topic " + topic
                    + ": expected 0 (Confluent schema registry wire format)");
        }
        return buffer.getInt();
    }
}
