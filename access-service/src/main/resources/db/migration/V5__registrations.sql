-- An app's registration: the password chosen with it waits here, hashed, until the link mailed to the address is
-- followed; then it becomes the customer's, unless they have one by then. One per site and address, the latest.
CREATE TABLE pending_passwords (
    site_id       VARCHAR(64)  NOT NULL,
    email         VARCHAR(254) NOT NULL,
    password_hash TEXT         NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL,
    expires_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (site_id, email)
);
CREATE INDEX pending_passwords_expiry ON pending_passwords (expires_at);

ALTER TABLE link_tokens DROP CONSTRAINT link_tokens_purpose_check;
ALTER TABLE link_tokens ALTER COLUMN purpose TYPE VARCHAR(24);
ALTER TABLE link_tokens ADD CONSTRAINT link_tokens_purpose_check
    CHECK (purpose IN ('INVITATION', 'PASSWORD_RESET', 'EMAIL_VERIFICATION'));
