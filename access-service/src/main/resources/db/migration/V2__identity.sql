-- What access-service knows of customer-service's customers (from customer.events).
CREATE TABLE customers (
    customer_id      UUID         PRIMARY KEY,
    site_id          VARCHAR(64)  NOT NULL,
    email            VARCHAR(254),
    email_normalized VARCHAR(254),
    first_name       VARCHAR(100),
    last_name        VARCHAR(100),
    locale           VARCHAR(16),
    account_active   BOOLEAN      NOT NULL DEFAULT true,
    groups           TEXT[]       NOT NULL DEFAULT '{}',
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX customers_site_email ON customers (site_id, email_normalized);

-- The groups allowed on a protected page. An unprotected page keeps its row (protected = false) so that every
-- instance's in-memory copy learns of the change; changed_at is when the row last changed.
CREATE TABLE protected_pages (
    site_id    VARCHAR(64)  NOT NULL,
    page_id    VARCHAR(200) NOT NULL,
    groups     TEXT[]       NOT NULL,
    protected  BOOLEAN      NOT NULL DEFAULT true,
    changed_at TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (site_id, page_id)
);
CREATE INDEX protected_pages_changed ON protected_pages (changed_at);

-- A customer's password, as an Argon2id hash.
CREATE TABLE credentials (
    customer_id       UUID        PRIMARY KEY,
    site_id           VARCHAR(64) NOT NULL,
    password_hash     TEXT        NOT NULL,
    password_set_at   TIMESTAMPTZ NOT NULL,
    email_verified_at TIMESTAMPTZ NOT NULL
);

-- Session tokens of the customer issued before not_before are no longer valid; account_inactive says why.
CREATE TABLE session_revocations (
    customer_id      UUID        PRIMARY KEY,
    site_id          VARCHAR(64) NOT NULL,
    not_before       TIMESTAMPTZ NOT NULL,
    account_inactive BOOLEAN     NOT NULL,
    changed_at       TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX session_revocations_changed ON session_revocations (changed_at);

-- Single-use links (invitations, password resets), kept only as the SHA-256 of their token.
CREATE TABLE link_tokens (
    token_hash  CHAR(64)    PRIMARY KEY,
    site_id     VARCHAR(64) NOT NULL,
    customer_id UUID        NOT NULL,
    purpose     VARCHAR(16) NOT NULL CHECK (purpose IN ('INVITATION', 'PASSWORD_RESET')),
    issued_at   TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    voided_at   TIMESTAMPTZ
);
CREATE INDEX link_tokens_open ON link_tokens (customer_id, purpose) WHERE used_at IS NULL AND voided_at IS NULL;

-- Failed log-ins per account (site and e-mail as typed) and per client address, counted in a window.
CREATE TABLE login_failures (
    scope             VARCHAR(400) PRIMARY KEY,
    failures          INTEGER      NOT NULL,
    window_started_at TIMESTAMPTZ  NOT NULL,
    blocked_until     TIMESTAMPTZ
);

ALTER TABLE access_requests
    ADD COLUMN groups           TEXT[],
    ADD COLUMN rejection_reason VARCHAR(500);
CREATE INDEX access_requests_customer_page ON access_requests (site_id, customer_id, page_id) WHERE status = 'PENDING';
