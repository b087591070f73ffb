package io.clientele.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string of a JSON request body, values and object keys alike, is checked by {@link TextInput} as it is read,
 * so that a control character anywhere in a body is a 400 naming its field (Jackson keeps the path) and never
 * reaches a database, an event or a mail.
 */
public class SafeTextModule extends SimpleModule {

    public SafeTextModule() {
        super("clientele-safe-text");
        addDeserializer(String.class, new CheckedStrings());
        addKeyDeserializer(String.class, new CheckedKeys());
    }

    private static final class CheckedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && !TextInput.acceptable(value)) {
                throw InvalidFormatException.from(parser, TextInput.CONTROL_CHARACTERS, value, String.class);
            }
            return value;
        }
    }

    private static final class CheckedKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            if (!TextInput.acceptableOnOneLine(key)) {
                throw InvalidFormatException.from(context.getParser(), TextInput.CONTROL_CHARACTERS, key, String.class);
            }
            return key;
        }
    }
}
