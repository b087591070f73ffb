-- A site may choose single opt-in for its own forms (weaker evidence); double opt-in is the default.
ALTER TABLE sites ADD COLUMN single_opt_in BOOLEAN NOT NULL DEFAULT false;
-- Bursts of access requests reach the owner as one digest mail, unless the site asks for each separately.
ALTER TABLE sites ADD COLUMN owner_mail_digest BOOLEAN NOT NULL DEFAULT true;

-- A public form's opt-in waiting for its confirmation link to be followed. Only the token's SHA-256 is kept.
CREATE TABLE consent_confirmations (
    token_hash   CHAR(64)     PRIMARY KEY,
    site_id      VARCHAR(64)  NOT NULL,
    customer_id  UUID         NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    channel      VARCHAR(32)  NOT NULL,
    evidence     JSONB        NOT NULL,
    requested_at TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    confirmed_at TIMESTAMPTZ
);
CREATE INDEX consent_confirmations_customer ON consent_confirmations (customer_id, requested_at DESC);
