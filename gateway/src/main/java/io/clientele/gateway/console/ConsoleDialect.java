package io.clientele.gateway.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #moments.of(time)} in the console's pages: a time the services answer (ISO-8601) written as the
 * collaborator's language writes it, in UTC, which the page says ("4 déc. 2026 14:05 UTC" in French).
 */
@Component
class ConsoleDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "moments";

    ConsoleDialect() {
        super("console");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return new Moments(context.getLocale());
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return false;
            }
        };
    }

    /** Times written for one reader. */
    public static final class Moments {

        private final DateTimeFormatter format;

        Moments(Locale locale) {
            this.format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(locale).withZone(ZoneOffset.UTC);
        }

        /** The time as the reader's language writes it; a text that is no time, as it is; nothing, empty. */
        public String of(Object time) {
            if (time == null) {
                return "";
            }
            try {
                return format.format(Instant.parse(time.toString())) + " UTC";
            } catch (DateTimeParseException notATime) {
                return time.toString();
            }
        }
    }
}
