-- A site may erase a customer's personal data on every delete ("automatic personal data deletion").
ALTER TABLE sites ADD COLUMN erase_on_delete BOOLEAN NOT NULL DEFAULT false;

-- An erasure and each service's confirmation of it; nothing here names the customer but the id.
CREATE TABLE erasures (
    customer_id  UUID         PRIMARY KEY,
    site_id      VARCHAR(64)  NOT NULL,
    requested_at TIMESTAMPTZ  NOT NULL
);
CREATE TABLE erasure_confirmations (
    customer_id  UUID         NOT NULL REFERENCES erasures (customer_id),
    service      VARCHAR(64)  NOT NULL,
    erased       INT          NOT NULL,
    confirmed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (customer_id, service)
);
