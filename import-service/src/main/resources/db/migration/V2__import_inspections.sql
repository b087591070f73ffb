-- An upload looked at before it is imported: its owner maps its columns, then imports it once, or leaves it (an
-- inspection a day old is cleared with its file). The import takes the inspection's id and file.
CREATE TABLE import_inspections (
    id           UUID         PRIMARY KEY,
    site_id      VARCHAR(64)  NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    format       VARCHAR(8)   NOT NULL,
    file_path    TEXT         NOT NULL,
    -- each header with the column it names, if any, and its first values
    columns      JSONB        NOT NULL,
    total_rows   INT          NOT NULL,
    requested_by VARCHAR(200) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX import_inspections_created ON import_inspections (created_at);
