package io.clientele.schemas.serde;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** The configuration names of Confluent's KafkaAvroSerializer and KafkaAvroDeserializer that this serde honours. */
public record AvroSerdeConfig(String registryUrl, boolean autoRegister, boolean specificReader,
                              SubjectNameStrategy keyStrategy, SubjectNameStrategy valueStrategy) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    public static AvroSerdeConfig from(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL + "\"");
        }
        // Confluent accepts a comma-separated list; the first registry is the one used here.
        String first = url.toString().split(",")[0].trim();
        return new AvroSerdeConfig(first,
                flag(configs.get(AUTO_REGISTER_SCHEMAS), true),
                flag(configs.get(SPECIFIC_AVRO_READER), false),
                SubjectNameStrategy.fromConfig(configs.get(KEY_SUBJECT_NAME_STRATEGY)),
                SubjectNameStrategy.fromConfig(configs.get(VALUE_SUBJECT_NAME_STRATEGY)));
    }

    private static boolean flag(Object value, boolean fallback) {
        return value == null ? fallback : Boolean.parseBoolean(value.toString());
    }
}
