package io.clientele.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientele.events.SiteUpdated;
import io.clientele.platform.PlatformTestSupport;
import io.clientele.platform.embedded.SharedInfrastructure;
import io.clientele.schemas.registry.SchemaRegistryClient;
import io.clientele.schemas.serde.AvroDeserializer;
import io.clientele.schemas.serde.AvroSerializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The serde against the real Apicurio Registry, through its Confluent-compatible API. */
class AvroSerdeIT extends PlatformTestSupport {

    private final String registryUrl = SharedInfrastructure.get().registry().confluentApiUrl();
    private final Map<String, Object> config = Map.of("schema.registry.url", registryUrl, "specific.avro.reader", true);

    @Test
    void writesConfluentWireFormatAndReadsItBackAsTheGeneratedClass() {
        SiteUpdated event = site("serde", "Serde site");

        byte[] bytes = new AvroSerializer(new SchemaRegistryClient(registryUrl), config).serialize("serde.sites", event);
        Object read = new AvroDeserializer(new SchemaRegistryClient(registryUrl), config).deserialize("serde.sites", bytes);

        ByteBuffer header = ByteBuffer.wrap(bytes);
        assertThat(header.get()).isZero();
        int id = header.getInt();
        assertThat(new SchemaRegistryClient(registryUrl).schemaById(id)).isEqualTo(SiteUpdated.getClassSchema());
        assertThat(read).isInstanceOf(SiteUpdated.class).isEqualTo(event);
    }

    @Test
    void registersUnderTheTopicAndRecordNameSubject() throws Exception {
        new AvroSerializer(new SchemaRegistryClient(registryUrl), config).serialize("subjects.sites", site("s", "S"));

        String subjects = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(registryUrl + "/subjects")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(subjects).contains("subjects.sites-io.clientele.events.SiteUpdated");
    }

    @Test
    void readsAGenericRecordWithoutTheSpecificReader() {
        byte[] bytes = new AvroSerializer(new SchemaRegistryClient(registryUrl), config).serialize("generic.sites", site("g", "Generic"));

        Object read = new AvroDeserializer(new SchemaRegistryClient(registryUrl), Map.of("schema.registry.url", registryUrl))
                .deserialize("generic.sites", bytes);

        assertThat(read).isInstanceOf(GenericRecord.class);
        assertThat(((GenericRecord) read).get("name")).hasToString("Generic");
    }

    @Test
    void refusesABadMagicByteWithAClearError() {
        AvroDeserializer deserializer = new AvroDeserializer(new SchemaRegistryClient(registryUrl), config);

        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {7, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte 7");
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void refusesAnUnknownSchemaIdWithAClearError() {
        AvroDeserializer deserializer = new AvroDeserializer(new SchemaRegistryClient(registryUrl), config);

        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0x0f, 0x42, 0x40, 0x00, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown schema id 256000000");
    }

    @Test
    void theRegistryRefusesASchemaChangeThatIsNotBackwardCompatible() {
        Schema v1 = new Schema.Parser().parse("""
                {"type": "record", "name": "Evolving", "namespace": "test",
                 "fields": [{"name": "a", "type": "string"}]}""");
        Schema v2 = new Schema.Parser().parse("""
                {"type": "record", "name": "Evolving", "namespace": "test",
                 "fields": [{"name": "a", "type": "string"}, {"name": "b", "type": "string"}]}""");
        AvroSerializer serializer = new AvroSerializer(new SchemaRegistryClient(registryUrl), config);
        serializer.serialize("evolving", new GenericData.Record(v1) {{ put("a", "x"); }});

        assertThatThrownBy(() -> serializer.serialize("evolving", new GenericData.Record(v2) {{ put("a", "x"); put("b", "y"); }}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("409");
    }
}
