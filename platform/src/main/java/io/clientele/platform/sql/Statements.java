package io.clientele.platform.sql;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs statements one after the other with the named parameters each uses (a parameter bound but not used is an error). */
public final class Statements {

    private Statements() {
    }

    /** Answers how many rows they changed in all. */
    public static Mono<Long> run(DatabaseClient db, List<String> statements, Map<String, Object> parameters) {
        return Flux.fromIterable(statements)
                .concatMap(sql -> {
                    GenericExecuteSpec statement = db.sql(sql);
                    for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
                        if (Pattern.compile(":" + parameter.getKey() + "\\b").matcher(sql).find()) {
                            statement = statement.bind(parameter.getKey(), parameter.getValue());
                        }
                    }
                    return statement.fetch().rowsUpdated();
                })
                .reduce(0L, Long::sum);
    }
}
