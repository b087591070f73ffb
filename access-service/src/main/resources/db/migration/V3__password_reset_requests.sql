-- Password reset requests wait here for the background round that answers them, so that the public endpoint does
-- the same work for a customer's address as for an unknown one.
CREATE TABLE password_reset_requests (
    id           BIGSERIAL    PRIMARY KEY,
    site_id      VARCHAR(64)  NOT NULL,
    email        VARCHAR(254) NOT NULL,
    requested_at TIMESTAMPTZ  NOT NULL
);
