package io.clientele.platform.outbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/** The schema of the generated class an outbox row's type names, for rows kept as bare Avro. */
final class AvroPayloads {

    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private AvroPayloads() {
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
