package io.clientele.platform.outbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Outbox payloads: the event's Avro binary, and the schema of the generated class a row's type names. */
final class AvroPayloads {

    private static final Map<Schema, DatumWriter<SpecificRecord>> WRITERS = new ConcurrentHashMap<>();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

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

    /** The schema of the generated class an outbox row's type names. */
    static Schema schemaOf(String type) {
        return SCHEMAS.computeIfAbsent(type, name -> {
            try {
                return SpecificData.get().getSchema(Class.forName(name));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Outbox holds an event of unknown type " + name, e);
            }
        });
    }
}
