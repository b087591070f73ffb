-- Bucket4j's token buckets for the abuse limits of public endpoints (io.clientele.platform.limit), shared by every
-- instance of the service. Repeatable, so that it can join databases whose service migrations are further on.
CREATE TABLE IF NOT EXISTS rate_limit_buckets (
    id         VARCHAR(600) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX IF NOT EXISTS rate_limit_buckets_expiry ON rate_limit_buckets (expires_at);
