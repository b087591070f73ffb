-- Changes and deletions of many customers at once, run as jobs a chunk at a time. The customers a job works on are
-- fixed when it starts (targets), so that a change which makes a customer stop matching the query cannot move the
-- rest. A deletion's row is its audit record: who confirmed it, when, why and how many customers it deleted.
CREATE TABLE bulk_jobs (
    id           UUID         PRIMARY KEY,
    site_id      VARCHAR(64)  NOT NULL REFERENCES sites (site_id),
    kind         VARCHAR(16)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    query        JSONB        NOT NULL,
    changes      JSONB,
    token_hash   VARCHAR(64),
    expires_at   TIMESTAMPTZ,
    reason       TEXT,
    requested_by VARCHAR(200) NOT NULL,
    targets      UUID[]       NOT NULL DEFAULT '{}',
    total        INT          NOT NULL,
    processed    INT          NOT NULL DEFAULT 0,
    changed      INT          NOT NULL DEFAULT 0,
    failed       INT          NOT NULL DEFAULT 0,
    failures     JSONB        NOT NULL DEFAULT '[]',
    worker       VARCHAR(64),
    worker_seen  TIMESTAMPTZ,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_at   TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ
);
CREATE INDEX bulk_jobs_site_created ON bulk_jobs (site_id, created_at DESC);
CREATE UNIQUE INDEX bulk_jobs_token ON bulk_jobs (token_hash) WHERE token_hash IS NOT NULL;
CREATE INDEX bulk_jobs_running ON bulk_jobs (worker_seen) WHERE status = 'RUNNING';
