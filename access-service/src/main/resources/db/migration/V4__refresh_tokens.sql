-- Apps renew a session without the password: a refresh token, used once and replaced by the next of its family.
-- Only its SHA-256 is kept. A token used a second time (stolen and replayed) ends its whole family.
CREATE TABLE refresh_tokens (
    token_hash  CHAR(64)     PRIMARY KEY,
    family_id   UUID         NOT NULL,
    site_id     VARCHAR(64)  NOT NULL,
    customer_id UUID         NOT NULL,
    issued_at   TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL,
    used_at     TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_customer ON refresh_tokens (customer_id) WHERE revoked_at IS NULL;
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_expiry ON refresh_tokens (expires_at);
