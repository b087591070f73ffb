CREATE TABLE access_requests (
    id               UUID         PRIMARY KEY,
    site_id          VARCHAR(64)  NOT NULL,
    customer_id      UUID         NOT NULL,
    page_id          VARCHAR(200) NOT NULL,
    email            VARCHAR(254) NOT NULL,
    first_name       VARCHAR(100),
    last_name        VARCHAR(100),
    locale           VARCHAR(16),
    status           VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    requested_at     TIMESTAMPTZ  NOT NULL,
    decided_at       TIMESTAMPTZ,
    capture_event_id VARCHAR(64)  NOT NULL
);
-- A visitor who asks again for a page while a request is pending does not open a second one.
CREATE UNIQUE INDEX access_requests_one_pending ON access_requests (site_id, customer_id, page_id) WHERE status = 'PENDING';
CREATE INDEX access_requests_site_status ON access_requests (site_id, status, requested_at DESC);
