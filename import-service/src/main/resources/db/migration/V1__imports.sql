-- An import job: the uploaded file's header and options, where it stands, and its counts so far.
CREATE TABLE imports (
    id              UUID         PRIMARY KEY,
    site_id         VARCHAR(64)  NOT NULL,
    file_name       VARCHAR(255) NOT NULL,
    format          VARCHAR(8)   NOT NULL,
    file_path       TEXT,
    headers         TEXT[]       NOT NULL,
    options         JSONB        NOT NULL,
    requested_by    VARCHAR(200) NOT NULL,
    -- READING: rows are being read and sent; APPLYING: all sent, waiting for results; FINISHED
    status          VARCHAR(16)  NOT NULL,
    total_rows      INT          NOT NULL,
    rows_read       INT          NOT NULL DEFAULT 0,
    batches_sent    INT          NOT NULL DEFAULT 0,
    batches_applied INT          NOT NULL DEFAULT 0,
    created         INT          NOT NULL DEFAULT 0,
    updated         INT          NOT NULL DEFAULT 0,
    unchanged       INT          NOT NULL DEFAULT 0,
    failed          INT          NOT NULL DEFAULT 0,
    -- The instance reading the file, and when it last showed it is still at it; another takes over a silent job.
    reader          VARCHAR(200),
    reader_seen     TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    finished_at     TIMESTAMPTZ
);
CREATE INDEX imports_site ON imports (site_id, created_at DESC);

-- Every row read, as uploaded, with its outcome once known (the failure report is made of the failed ones).
CREATE TABLE import_rows (
    import_id   UUID        NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    row_number  INT         NOT NULL,
    cells       TEXT[]      NOT NULL,
    status      VARCHAR(10),
    reason      TEXT,
    customer_id UUID,
    PRIMARY KEY (import_id, row_number)
);
CREATE INDEX import_rows_failed ON import_rows (import_id, row_number) WHERE status = 'FAILED';
