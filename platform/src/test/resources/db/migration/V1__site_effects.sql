CREATE TABLE site_effects (
    position BIGSERIAL PRIMARY KEY,
    event_id VARCHAR(64) NOT NULL,
    site_id  VARCHAR(64) NOT NULL,
    name     VARCHAR(255) NOT NULL
);
