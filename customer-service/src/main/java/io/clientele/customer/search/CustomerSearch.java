package io.clientele.customer.search;

import io.clientele.customer.customer.CustomerFields;
import io.clientele.customer.customer.CustomerFields.Field;
import io.clientele.customer.customer.CustomerRows;
import io.clientele.platform.web.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs customer queries: a page with the total, every match as a stream (exports), or the matching ids. */
@Service
public class CustomerSearch {

    static final int STREAM_BATCH = 2_000;
    /**
     * A page's total is exact up to this many customers. Counting every match of a broad query costs time in
     * proportion to the matches (a few hundred milliseconds for a few hundred thousand on two cores); a page need
     * not wait for that, and the count endpoint is there when the exact number matters.
     */
    public static final int EXACT_TOTAL_UP_TO = 1_000;

    private final DatabaseClient db;

    CustomerSearch(DatabaseClient db) {
        this.db = db;
    }

    /** Checks a query without running it: a 400 says what is wrong with it. */
    public void check(CustomerQuery query) {
        QueryCompiler.where("-", query);
        Keyset.of(query.sort());
        fields(query.fields(), "fields");
    }

    public Mono<SearchResult> page(String siteId, CustomerQuery query, int limit, String after) {
        SqlWhere where = QueryCompiler.where(siteId, query);
        Keyset keyset = Keyset.of(query.sort());
        List<Field> fields = fields(query.fields(), "fields");
        SqlWhere page = where.copy();
        if (after != null && !after.isBlank()) {
            keyset.after(page, after);
        }
        Mono<List<Row>> rows = page.bindTo(db.sql("SELECT " + CustomerRows.selectList(fields) + keyset.selectList()
                        + " FROM customers c WHERE " + page.sql() + keyset.orderBy() + " LIMIT " + (limit + 1)))
                .map(row -> {
                    List<String> sortValues = new ArrayList<>();
                    for (int i = 0; i < keyset.size(); i++) {
                        sortValues.add(row.get("_sort" + i, String.class));
                    }
                    return new Row(CustomerRows.read(row, fields), sortValues);
                })
                .all().collectList();
        // The page and its count run side by side, each on its own connection: a page waits for the slower of the two.
        return Mono.zip(rows, countUpTo(where, EXACT_TOTAL_UP_TO + 1)).map(found -> {
            List<Row> read = found.getT1();
            boolean more = read.size() > limit;
            List<Row> shown = more ? read.subList(0, limit) : read;
            String next = more ? keyset.cursor(shown.getLast().sortValues(), shown.getLast().customer().get("id")) : null;
            long counted = found.getT2();
            return new SearchResult(shown.stream().map(Row::customer).toList(), Math.min(counted, EXACT_TOTAL_UP_TO),
                    counted <= EXACT_TOTAL_UP_TO, next);
        });
    }

    public Mono<Long> count(String siteId, CustomerQuery query) {
        return count(QueryCompiler.where(siteId, query));
    }

    /**
     * Every customer the query finds, in its order. Rows are fetched a batch at a time as the subscriber asks for
     * them, so a slow reader holds one batch in memory, not the result.
     */
    public Flux<Map<String, Object>> stream(String siteId, CustomerQuery query, List<Field> fields) {
        SqlWhere where = QueryCompiler.where(siteId, query);
        Keyset keyset = Keyset.of(query.sort());
        return where.bindTo(db.sql("SELECT " + CustomerRows.selectList(fields) + " FROM customers c WHERE " + where.sql()
                        + keyset.orderBy()))
                .filter(statement -> statement.fetchSize(STREAM_BATCH))
                .map(row -> CustomerRows.read(row, fields))
                .all();
    }

    /** The ids of the customers the query finds, at most {@code limit}. */
    public Flux<UUID> ids(String siteId, CustomerQuery query, int limit) {
        SqlWhere where = QueryCompiler.where(siteId, query);
        return where.bindTo(db.sql("SELECT c.id FROM customers c WHERE " + where.sql() + " LIMIT " + limit))
                .map(row -> row.get("id", UUID.class)).all();
    }

    /** The fields named, the id first; every field when none are named. */
    public static List<Field> fields(List<String> names, String parameter) {
        if (names == null || names.isEmpty()) {
            return CustomerFields.all();
        }
        List<Field> fields = new ArrayList<>(List.of(CustomerFields.ID));
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Field field = CustomerFields.named(name).orElseThrow(() -> ProblemException.invalidField(parameter,
                    "unknown field '" + name + "'; fields are " + CustomerFields.known()));
            if (!fields.contains(field)) {
                fields.add(field);
            }
        }
        return fields;
    }

    private Mono<Long> countUpTo(SqlWhere where, int limit) {
        return where.bindTo(db.sql("SELECT count(*) AS total FROM (SELECT FROM customers c WHERE " + where.sql()
                        + " LIMIT " + limit + ") AS found"))
                .map(row -> row.get("total", Long.class)).one();
    }

    private Mono<Long> count(SqlWhere where) {
        return where.bindTo(db.sql("SELECT count(*) AS total FROM customers c WHERE " + where.sql()))
                .map(row -> row.get("total", Long.class)).one();
    }

    private record Row(Map<String, Object> customer, List<String> sortValues) {
    }
}
