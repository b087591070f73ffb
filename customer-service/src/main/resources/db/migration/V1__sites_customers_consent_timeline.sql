-- A site and its global data: who owns it, the language it speaks, who its e-mails come from.
CREATE TABLE sites (
    site_id      VARCHAR(64)  PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    owner_email  VARCHAR(254) NOT NULL,
    locale       VARCHAR(16)  NOT NULL,
    sender_name  VARCHAR(200),
    sender_email VARCHAR(254),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE customers (
    id                UUID         PRIMARY KEY,
    site_id           VARCHAR(64)  NOT NULL REFERENCES sites (site_id),
    email             VARCHAR(254),
    email_normalized  VARCHAR(254),
    first_name        VARCHAR(100),
    last_name         VARCHAR(100),
    status            VARCHAR(32)  NOT NULL,
    source_channel    VARCHAR(32)  NOT NULL,
    locale            VARCHAR(16),
    marketing_opt_in  BOOLEAN      NOT NULL DEFAULT false,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT customers_one_per_email UNIQUE (site_id, email_normalized)
);
CREATE INDEX customers_site_created ON customers (site_id, created_at DESC);

-- E-mail marketing consent, append-only: the customer's current state is the latest entry.
CREATE TABLE consent_ledger (
    id          BIGSERIAL    PRIMARY KEY,
    site_id     VARCHAR(64)  NOT NULL,
    customer_id UUID         NOT NULL REFERENCES customers (id),
    opted_in    BOOLEAN      NOT NULL,
    source      VARCHAR(32)  NOT NULL,
    evidence    JSONB        NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX consent_ledger_customer ON consent_ledger (customer_id, id);

-- What happened to a customer, newest last.
CREATE TABLE timeline_entries (
    id          BIGSERIAL    PRIMARY KEY,
    site_id     VARCHAR(64)  NOT NULL,
    customer_id UUID         NOT NULL REFERENCES customers (id),
    type        VARCHAR(64)  NOT NULL,
    channel     VARCHAR(32),
    details     JSONB        NOT NULL DEFAULT '{}',
    occurred_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX timeline_entries_customer ON timeline_entries (customer_id, occurred_at);
