package io.clientele.customer.customer;

import io.clientele.customer.customer.CustomerFields.Field;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads customers as the API shows them: a JSON object of the chosen fields, in the catalogue's order. */
public final class CustomerRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private CustomerRows() {
    }

    /** The select list for these fields. */
    public static String selectList(List<Field> fields) {
        return fields.stream().map(Field::select).collect(Collectors.joining(", "));
    }

    public static Map<String, Object> read(Readable row, List<Field> fields) {
        Map<String, Object> customer = new LinkedHashMap<>();
        for (Field field : fields) {
            customer.put(field.name(), value(row, field));
        }
        return customer;
    }

    public static Object value(Readable row, Field field) {
        String name = field.name();
        return switch (field.kind()) {
            case ID -> row.get(name, UUID.class);
            case TEXT -> row.get(name, String.class);
            case DATE -> row.get(name, LocalDate.class);
            case TIMESTAMP -> row.get(name, Instant.class);
            case BOOLEAN -> row.get(name, Boolean.class);
            case TAGS, GROUPS -> List.of(row.get(name, String[].class));
            case EXTERNAL_IDS, METADATA -> JSON.readValue(row.get(name, String.class), STRING_MAP);
        };
    }
}
