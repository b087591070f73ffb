package io.clientele.schemas.serde;

import io.clientele.schemas.registry.SchemaRegistryClient;
import io.clientele.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records written in Confluent's wire format. With {@code specific.avro.reader=true} a record whose generated
 * class is on the classpath comes back as that class, read with the class's own schema (schema resolution handles
 * the differences with the writer's schema); otherwise as a GenericRecord.
 */
public class AvroDeserializer implements Deserializer<Object> {

    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;

    public AvroDeserializer() {
    }

    public AvroDeserializer(SchemaRegistryClient registry, Map<String, ?> configs) {
        this.registry = registry;
        configure(configs, false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs);
        if (registry == null) {
            registry = new SchemaRegistryClient(config.registryUrl());
        }
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        int id = WireFormat.readSchemaId(topic, buffer);
        DatumReader<Object> reader;
        try {
            reader = readers.computeIfAbsent(id, this::readerFor);
        } catch (SchemaRegistryException e) {
            String why = e.status() == 404 ? "Unknown schema id " + id : "Could not fetch schema id " + id;
            throw new SerializationException(why + " for a record on topic " + topic + ": " + e.getMessage(), e);
        }
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, buffer.position(), buffer.remaining(), null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Could not read a record with schema id " + id + " on topic " + topic, e);
        }
    }

    private DatumReader<Object> readerFor(int id) {
        Schema writer = registry.schemaById(id);
        if (config.specificReader()) {
            Class<?> specific = SpecificData.get().getClass(writer);
            if (specific != null && SpecificRecord.class.isAssignableFrom(specific)) {
                return new SpecificDatumReader<>(writer, SpecificData.get().getSchema(specific));
            }
        }
        return new GenericDatumReader<>(writer);
    }
}
