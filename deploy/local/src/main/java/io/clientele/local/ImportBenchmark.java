package io.clientele.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.postgresql.PGConnection;

/**
 * Imports a generated XLSX file of customers end to end on a running local stack (upload until every row is applied
 * and the site's customer count shows them) and prints rows per second with the peak heap of import-service and
 * customer-service. The reference, measured first on the quiet stack: PostgreSQL's COPY of the same rows into a
 * table like customer-service's (same columns, generated search columns and indexes).
 */
final class ImportBenchmark {

    private static final String[] FIRST_NAMES = {"Anna", "Bruno", "Chloé", "David", "Emma", "Félix", "Gabriel", "Hélène",
            "Inès", "Jules", "Karim", "Léa", "Marc", "Nina", "Oscar", "Paul", "Quentin", "Rose", "Sarah", "Théo"};
    private static final String[] LAST_NAMES = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
            "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèbvre", "Michel", "Garcia", "David", "Bertrand", "Roux"};
    private static final String[] HEADER = {"email", "firstName", "lastName", "smsNumber", "country", "postalCode",
            "locality", "birthDate", "externalId", "groups", "tags", "optIn"};
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");
    private static final Pattern COUNT = Pattern.compile("\"total\":([0-9]+)");

    private ImportBenchmark() {
    }

    static void run(LocalStackPorts ports, Path workDirectory, int rows) throws Exception {
        String site = "bench-import-" + Long.toString(System.currentTimeMillis(), 36);
        String token = LocalStack.token(site);
        String customers = "http://localhost:" + ports.customer() + "/api/v1/sites/" + site;
        StackHttp.send(StackHttp.json(customers, token, "PUT", """
                {"name": "Import benchmark", "ownerEmail": "owner@bench.test", "locale": "en"}"""));
        Files.createDirectories(workDirectory);
        Path file = workDirectory.resolve("bench-import-" + rows + ".xlsx");
        long written = System.nanoTime();
        writeWorkbook(file, site, rows);
        System.out.printf("Wrote %s (%,d rows, %.1f MB) in %.1f s%n", file, rows, Files.size(file) / 1e6,
                (System.nanoTime() - written) / 1e9);

        double copyRate = copyReference(ports, site, rows);
        String imports = "http://localhost:" + ports.imports() + "/api/v1/sites/" + site + "/imports";
        String progress;
        double seconds;
        try (HeapPeaks heap = new HeapPeaks(Map.of("import-service", ports.imports(), "customer-service", ports.customer()))) {
            long start = System.nanoTime();
            String accepted = StackHttp.send(StackHttp.upload(imports, token, file).timeout(Duration.ofMinutes(5)));
            double acceptedAfter = (System.nanoTime() - start) / 1e9;
            String id = field(Pattern.compile("\"id\":\"([0-9a-f-]+)\""), accepted);
            do {
                Thread.sleep(200);
                progress = StackHttp.send(StackHttp.request(imports + "/" + id, token).GET());
            } while (!"FINISHED".equals(field(STATUS, progress)));
            String count = StackHttp.send(StackHttp.json(customers + "/customers/count", token, "POST", "{}"));
            seconds = (System.nanoTime() - start) / 1e9;
            heap.close();
            System.out.printf("%nImport of %,d rows: upload accepted after %.1f s, every row applied and counted (%s customers "
                            + "in the site) after %.1f s = %,.0f rows/s%n", rows, acceptedAfter, field(COUNT, count), seconds,
                    rows / seconds);
            System.out.println("  " + progress);
            System.out.println("  peak heap: " + heap.describe() + " (each runs with -Xmx256m)");
        }
        System.out.printf("  = %.0f%% of the rate of PostgreSQL's COPY of the same rows (%,.0f rows/s)%n",
                100 * rows / seconds / copyRate, copyRate);
    }

    private static void writeWorkbook(Path file, String site, int rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "Clientele benchmark", "1.0");
            Worksheet sheet = workbook.newWorksheet("Customers");
            for (int c = 0; c < HEADER.length; c++) {
                sheet.value(0, c, HEADER[c]);
            }
            for (int i = 0; i < rows; i++) {
                String[] row = row(site, i);
                int r = i + 1;
                for (int c = 0; c < row.length; c++) {
                    if (c == 7) {
                        sheet.value(r, c, LocalDate.parse(row[c]));
                        sheet.style(r, c).format("yyyy-mm-dd").set();
                    } else if (!row[c].isEmpty()) {
                        sheet.value(r, c, row[c]);
                    }
                }
                if (r % 10_000 == 0) {
                    sheet.flush();
                }
            }
            workbook.finish();
        }
    }

    /** The i-th customer, as the file and the COPY reference both hold it. */
    private static String[] row(String site, int i) {
        return new String[]{"customer" + i + "@" + site + ".test", FIRST_NAMES[i % FIRST_NAMES.length],
                LAST_NAMES[i / 7 % LAST_NAMES.length], String.format("06%08d", i), "FR", String.valueOf(75001 + i % 20),
                "Paris", LocalDate.of(1950 + i % 50, 1 + i % 12, 1 + i % 28).toString(), "B-" + i, i % 10 == 0 ? "Gold" : "",
                "bench", i % 2 == 0 ? "yes" : "no"};
    }

    /** The same rows COPYed into a table like customers, with its generated columns and indexes, then dropped. */
    private static double copyReference(LocalStackPorts ports, String site, int rows) throws Exception {
        StringBuilder csv = new StringBuilder(rows * 160);
        for (int i = 0; i < rows; i++) {
            String[] row = row(site, i);
            csv.append(UUID.randomUUID()).append(',').append(site).append(",IMPORT,").append(row[0]).append(',')
                    .append(row[0]).append(',').append(row[1]).append(',').append(row[2]).append(",+336")
                    .append(row[3].substring(2)).append(',').append(row[4]).append(',').append(row[5]).append(',')
                    .append(row[6]).append(',').append(row[7]).append(",\"{").append(row[10]).append("}\",")
                    .append(row[11].equals("yes")).append(',').append(row[8].toLowerCase()).append(",ACTIVE\n");
        }
        try (Connection db = ports.database("customer"); Statement sql = db.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS import_copy_reference");
            sql.execute("CREATE TABLE import_copy_reference (LIKE customers INCLUDING ALL)");
            long start = System.nanoTime();
            long copied = db.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY import_copy_reference (id, site_id, source_channel, email, email_normalized, first_name, last_name,
                        sms_number, country, postal_code, locality, birth_date, tags, marketing_opt_in, search_external_ids,
                        status)
                    FROM STDIN (FORMAT csv)""", new StringReader(csv.toString()));
            double seconds = (System.nanoTime() - start) / 1e9;
            sql.execute("DROP TABLE import_copy_reference");
            System.out.printf("Reference: PostgreSQL COPY of the same %,d rows into a table like customers (its generated "
                    + "search columns and indexes): %.1f s = %,.0f rows/s%n", copied, seconds, copied / seconds);
            return copied / seconds;
        }
    }

    private static String field(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected answer: " + json);
        }
        return matcher.group(1);
    }
}
