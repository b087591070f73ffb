package io.clientele.schemas.serde;

import io.clientele.schemas.registry.SchemaRegistryClient;
import io.clientele.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records in Confluent's wire format, registering (or looking up) their schema in a Confluent-compatible
 * registry. Configured with the same names as Confluent's KafkaAvroSerializer.
 */
public class AvroSerializer implements Serializer<Object> {

    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;
    private boolean isKey;

    public AvroSerializer() {
    }

    public AvroSerializer(SchemaRegistryClient registry, Map<String, ?> configs) {
        this.registry = registry;
        configure(configs, false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs);
        this.isKey = isKey;
        if (registry == null) {
            registry = new SchemaRegistryClient(config.registryUrl());
        }
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (data instanceof FramedRecord framed) {
            return framed.bytes();
        }
        Schema schema = switch (data) {
            case GenericContainer record -> record.getSchema();
            case EncodedRecord encoded -> encoded.schema();
            default -> throw new SerializationException("Only Avro records can be written, not " + data.getClass().getName());
        };
        SubjectNameStrategy strategy = isKey ? config.keyStrategy() : config.valueStrategy();
        String subject = strategy.subject(topic, isKey, schema);
        int id;
        try {
            id = config.autoRegister() ? registry.register(subject, schema) : registry.lookup(subject, schema);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Could not find or register the schema of " + schema.getFullName()
                    + " under subject " + subject + ": " + e.getMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.write(WireFormat.MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        if (data instanceof EncodedRecord encoded) {
            out.writeBytes(encoded.body());
            return out.toByteArray();
        }
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(schema, AvroSerializer::writerFor).write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Could not write " + schema.getFullName() + " for topic " + topic, e);
        }
        return out.toByteArray();
    }

    private static DatumWriter<Object> writerFor(Schema schema) {
        Class<?> specific = SpecificData.get().getClass(schema);
        if (specific != null && SpecificRecord.class.isAssignableFrom(specific)) {
            return new SpecificDatumWriter<>(schema);
        }
        return new GenericDatumWriter<>(schema);
    }
}
