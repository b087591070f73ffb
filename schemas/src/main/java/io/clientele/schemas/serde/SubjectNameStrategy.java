package io.clientele.schemas.serde;

import org.apache.avro.Schema;

/**
 * How a subject is named, matching Confluent's strategies by their simple class name so that the same
 * configuration value (for example {@code io.confluent.kafka.serializers.subject.TopicRecordNameStrategy})
 * works with either serializer.
 */
public enum SubjectNameStrategy {
    TOPIC_NAME {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return topic + (isKey ? "-key" : "-value");
        }
    },
    RECORD_NAME {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return schema.getFullName();
        }
    },
    TOPIC_RECORD_NAME {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return topic + "-" + schema.getFullName();
        }
    };

    public abstract String subject(String topic, boolean isKey, Schema schema);

    public static SubjectNameStrategy fromConfig(Object value) {
        if (value == null) {
            return TOPIC_RECORD_NAME;
        }
        String name = value instanceof Class<?> type ? type.getSimpleName() : value.toString();
        String simple = name.substring(name.lastIndexOf('.') + 1);
        return switch (simple) {
            case "TopicNameStrategy" -> TOPIC_NAME;
            case "RecordNameStrategy" -> RECORD_NAME;
            case "TopicRecordNameStrategy" -> TOPIC_RECORD_NAME;
            default -> throw new IllegalArgumentException("Unknown subject name strategy: " + name);
        };
    }
}
