-- What each collaborator of a site chose for themselves in the console: the overview's columns, in order.
CREATE TABLE collaborator_settings (
    site_id          VARCHAR(64)  NOT NULL,
    collaborator     VARCHAR(200) NOT NULL,
    overview_columns TEXT[]       NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (site_id, collaborator)
);
