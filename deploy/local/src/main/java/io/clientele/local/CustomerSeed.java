package io.clientele.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The SQL that seeds a benchmark site with plausible customers: names with and without accents, e-mails, phones,
 * ten countries, birth dates, tags, consent, creation times over three years; a tenth in group "gold" and a
 * tenth with a legacy id.
 */
final class CustomerSeed {

    private CustomerSeed() {
    }

    /**
     * Seeds the site with this many customers straight into customer-service's database (one INSERT ... SELECT per
     * 100,000), then leaves the table as autovacuum soon would.
     */
    static void load(LocalStackPorts ports, String site, int customers) throws Exception {
        long start = System.nanoTime();
        try (Connection db = ports.database("customer"); Statement sql = db.createStatement()) {
            for (int from = 0; from < customers; from += 100_000) {
                sql.execute(CustomerSeed.customers(site, from, Math.min(from + 100_000, customers)));
                System.out.printf("  seeded %,d customers%n", Math.min(from + 100_000, customers));
            }
            sql.execute(CustomerSeed.groupsAndExternalIds(site));
            // What autovacuum would soon do to a freshly loaded table: statistics, and a visibility map for
            // index-only scans.
            sql.execute("VACUUM ANALYZE customers, customer_groups, customer_external_ids");
        }
        System.out.printf("Seeded %,d customers in site %s in %.1f s%n", customers, site, (System.nanoTime() - start) / 1e9);
        // The load's dirty pages written out now rather than during the measurements (the embedded server's
        // superuser may; elsewhere the measurements start without it).
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://localhost:" + ports.postgres() + "/customer",
                "postgres", ""); Statement sql = admin.createStatement()) {
            sql.execute("CHECKPOINT");
        } catch (java.sql.SQLException e) {
            System.out.println("  (no checkpoint after the load: " + e.getMessage() + ")");
        }
    }

    static String customers(String site, int from, int to) {
        return """
                INSERT INTO customers (id, site_id, email, email_normalized, first_name, last_name, organization, phone,
                    country, birth_date, status, source_channel, tags, metadata, marketing_opt_in, consent_updated_at,
                    created_at, updated_at)
                SELECT gen_random_uuid(), '%1$s', 'user' || i || '@example' || (i %% 997) || '.test',
                    'user' || i || '@example' || (i %% 997) || '.test',
                    (ARRAY['Hélène', 'Jean', 'Zoë', 'Ada', 'Björn', 'María', 'Chloé', 'Noah', 'Léa', 'Oskar'])[1 + i %% 10] || (i %% 7),
                    (ARRAY['Dupont', 'Martin', 'Müller', 'García', 'Ødegaard', 'Smith', 'Rossi', 'Nowak', 'Dubois', 'Silva'])[1 + i / 10 %% 10]
                        || '-' || (i %% 5003),
                    'Company ' || (i %% 20011),
                    '+3361' || lpad((i::bigint * 7919 %% 10000000)::text, 7, '0'),
                    (ARRAY['FR', 'DE', 'GB', 'US', 'ES', 'IT', 'NL', 'BE', 'AT', 'SE'])[1 + i / 100 %% 10],
                    DATE '1950-01-01' + (i * 37 %% 20000),
                    CASE WHEN i %% 20 = 0 THEN 'PENDING' ELSE 'ACTIVE' END, 'IMPORT',
                    CASE i %% 4 WHEN 0 THEN ARRAY['vip'] WHEN 1 THEN ARRAY['newsletter', 'press'] ELSE '{}' END,
                    jsonb_build_object('plan', (ARRAY['free', 'pro', 'team'])[1 + i %% 3]),
                    i %% 3 = 0, CASE WHEN i %% 3 = 0 THEN TIMESTAMPTZ '2024-01-01' + (i %% 1000) * INTERVAL '1 day' END,
                    TIMESTAMPTZ '2023-01-01' + i * INTERVAL '95 seconds',
                    TIMESTAMPTZ '2023-01-01' + i * INTERVAL '95 seconds'
                FROM generate_series(%2$d, %3$d) AS i""".formatted(site, from, to - 1);
    }

    static String groupsAndExternalIds(String site) {
        return """
                INSERT INTO groups (site_id, name) VALUES ('%1$s', 'gold');
                INSERT INTO customer_groups (customer_id, site_id, group_name)
                    SELECT id, site_id, 'gold' FROM customers WHERE site_id = '%1$s' AND abs(hashtext(id::text)) %% 10 = 0;
                WITH numbered AS (
                    SELECT id, row_number() OVER (ORDER BY created_at) AS n FROM customers WHERE site_id = '%1$s')
                INSERT INTO customer_external_ids (site_id, customer_id, system, external_id)
                    SELECT '%1$s', id, 'legacy', 'LEG-' || n FROM numbered WHERE n %% 10 = 0;
                UPDATE customers c SET search_external_ids = lower(x.external_id)
                    FROM customer_external_ids x WHERE x.customer_id = c.id AND c.site_id = '%1$s';""".formatted(site);
    }
}
