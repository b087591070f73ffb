-- How each customer wants to be reached, from CustomerCaptured and CustomerPreferencesChanged.
CREATE TABLE customers (
    customer_id      VARCHAR(64)  PRIMARY KEY,
    site_id          VARCHAR(64)  NOT NULL,
    email            VARCHAR(254),
    sms_number       VARCHAR(32),
    locale           VARCHAR(16),
    content_type     VARCHAR(16)  NOT NULL DEFAULT 'UNKNOWN',
    marketing_opt_in BOOLEAN      NOT NULL DEFAULT false,
    as_of            TIMESTAMPTZ  NOT NULL
);

ALTER TABLE outgoing_mail DROP CONSTRAINT outgoing_mail_status_check;
ALTER TABLE outgoing_mail ADD CONSTRAINT outgoing_mail_status_check
    CHECK (status IN ('QUEUED', 'SENT', 'FAILED', 'SUPPRESSED'));
ALTER TABLE outgoing_mail
    ADD COLUMN customer_id  VARCHAR(64),
    ADD COLUMN channel      VARCHAR(8),
    ADD COLUMN content_type VARCHAR(16),
    ADD COLUMN locale       VARCHAR(16),
    -- The tracking pixel's key: random, so that opens cannot be forged for other mails.
    ADD COLUMN open_token   VARCHAR(43) UNIQUE,
    ADD COLUMN opened_at    TIMESTAMPTZ;
CREATE INDEX outgoing_mail_site_template ON outgoing_mail (site_id, template, created_at DESC);
