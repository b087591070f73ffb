package io.clientele.platform.outbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Outbox payloads: the event's Avro binary, read back with its generated class (named by the row's type). */
final class AvroPayloads {

    private static final Map<Schema, DatumWriter<SpecificRecord>> WRITERS = new ConcurrentHashMap<>();

    private AvroPayloads() {
    }

    static byte[] write(SpecificRecord event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            WRITERS.computeIfAbsent(event.getSchema(), SpecificDatumWriter::new).write(event, encoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static SpecificRecord read(String type, byte[] payload) {
        Schema schema;
        try {
            schema = SpecificData.get().getSchema(Class.forName(type));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Outbox holds an event of unknown type " + type, e);
        }
        try {
            return new SpecificDatumReader<SpecificRecord>(schema).read(null, DecoderFactory.get().binaryDecoder(payload, null));
        } catch (IOException e) {
            throw new UncheckedIOException("Outbox payload of type " + type + " is unreadable", e);
        }
    }
}
