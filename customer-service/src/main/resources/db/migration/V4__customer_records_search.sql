-- Search is case- and accent-insensitive ("helene" finds "Hélène") and finds substrings through trigram indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
-- unaccent() is only STABLE (its dictionary could change); naming the dictionary makes it safe to index.
CREATE FUNCTION search_folded(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN public.unaccent('public.unaccent'::regdictionary, lower($1));

-- A site may require every customer to have a first and a last name.
ALTER TABLE sites ADD COLUMN require_names BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE customers
    ADD COLUMN salutation          VARCHAR(32),
    ADD COLUMN middle_name         VARCHAR(100),
    ADD COLUMN organization        VARCHAR(200),
    ADD COLUMN sms_number          VARCHAR(32),
    ADD COLUMN phone               VARCHAR(32),
    ADD COLUMN alternate_phone     VARCHAR(32),
    ADD COLUMN fax                 VARCHAR(32),
    ADD COLUMN address_line1       VARCHAR(200),
    ADD COLUMN address_line2       VARCHAR(200),
    ADD COLUMN locality            VARCHAR(100),
    ADD COLUMN administrative_area VARCHAR(100),
    ADD COLUMN province            VARCHAR(100),
    ADD COLUMN postal_code         VARCHAR(20),
    ADD COLUMN country             CHAR(2),
    ADD COLUMN birth_date          DATE,
    ADD COLUMN tags                TEXT[]      NOT NULL DEFAULT '{}',
    ADD COLUMN metadata            JSONB       NOT NULL DEFAULT '{}',
    ADD COLUMN consent_updated_at  TIMESTAMPTZ,
    -- Written by the service with the customer's external ids, lower-cased and space-separated.
    ADD COLUMN search_external_ids TEXT        NOT NULL DEFAULT '';

UPDATE customers c SET consent_updated_at = (SELECT max(recorded_at) FROM consent_ledger l WHERE l.customer_id = c.id);

-- What each searchable field is found by, and search_text, what search across all fields looks in (a generated
-- column cannot read another, so search_text repeats their expressions).
ALTER TABLE customers
    ADD COLUMN search_name TEXT GENERATED ALWAYS AS (search_folded(
        coalesce(first_name, '') || ' ' || coalesce(middle_name, '') || ' ' || coalesce(last_name, ''))) STORED,
    ADD COLUMN search_organization TEXT GENERATED ALWAYS AS (coalesce(search_folded(organization), '')) STORED,
    ADD COLUMN search_phones TEXT GENERATED ALWAYS AS (regexp_replace(
        coalesce(phone, '') || ' ' || coalesce(sms_number, '') || ' ' || coalesce(alternate_phone, ''), '[^0-9 ]', '', 'g')) STORED,
    ADD COLUMN search_text TEXT GENERATED ALWAYS AS (
        search_folded(coalesce(first_name, '') || ' ' || coalesce(middle_name, '') || ' ' || coalesce(last_name, '')
            || ' ' || coalesce(organization, '') || ' ' || coalesce(email_normalized, '')) || ' '
        || regexp_replace(coalesce(phone, '') || ' ' || coalesce(sms_number, '') || ' ' || coalesce(alternate_phone, ''),
                          '[^0-9 ]', '', 'g') || ' ' || search_external_ids) STORED;

CREATE INDEX customers_search ON customers USING gin (search_text gin_trgm_ops);
CREATE INDEX customers_tags ON customers USING gin (tags);
DROP INDEX customers_site_created;
CREATE INDEX customers_site_created ON customers (site_id, created_at, id);
CREATE INDEX customers_site_updated ON customers (site_id, updated_at, id);
CREATE INDEX customers_site_last_name ON customers (site_id, (coalesce(lower(last_name), '')), id);
CREATE INDEX customers_site_email ON customers (site_id, (coalesce(email_normalized, '')), id);
CREATE INDEX customers_site_country ON customers (site_id, country);
CREATE INDEX customers_site_birth_date ON customers (site_id, birth_date);

-- A customer carries at most one id per other system; an id in a system names one customer of the site.
CREATE TABLE customer_external_ids (
    site_id     VARCHAR(64)  NOT NULL,
    customer_id UUID         NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    system      VARCHAR(64)  NOT NULL,
    external_id VARCHAR(200) NOT NULL,
    PRIMARY KEY (site_id, system, external_id),
    UNIQUE (customer_id, system)
);

CREATE TABLE customer_notes (
    id          BIGSERIAL    PRIMARY KEY,
    site_id     VARCHAR(64)  NOT NULL,
    customer_id UUID         NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    author      VARCHAR(200) NOT NULL,
    text        TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX customer_notes_customer ON customer_notes (customer_id, id);

-- Groups exist on their own now (an empty group can be created); a rename moves the members with it.
CREATE TABLE groups (
    site_id    VARCHAR(64)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (site_id, name)
);
INSERT INTO groups (site_id, name) SELECT DISTINCT site_id, group_name FROM customer_groups;
ALTER TABLE customer_groups ADD CONSTRAINT customer_groups_group
    FOREIGN KEY (site_id, group_name) REFERENCES groups (site_id, name) ON UPDATE CASCADE ON DELETE CASCADE;

CREATE TABLE saved_filters (
    id         UUID         PRIMARY KEY,
    site_id    VARCHAR(64)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    query      JSONB        NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (site_id, name)
);

-- Deleting a customer deletes what was kept about them.
ALTER TABLE consent_ledger DROP CONSTRAINT consent_ledger_customer_id_fkey,
    ADD CONSTRAINT consent_ledger_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE;
ALTER TABLE timeline_entries DROP CONSTRAINT timeline_entries_customer_id_fkey,
    ADD CONSTRAINT timeline_entries_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE;
