-- Events waiting to be published, written in the transaction that made them (Debezium outbox-event-router
-- layout: id, aggregatetype, aggregateid, type, payload, plus the topic to route by and the relay's bookkeeping).
CREATE TABLE outbox (
    position      BIGSERIAL PRIMARY KEY,
    id            UUID         NOT NULL UNIQUE,
    aggregatetype VARCHAR(64)  NOT NULL,
    aggregateid   VARCHAR(255) NOT NULL,
    type          VARCHAR(255) NOT NULL,
    topic         VARCHAR(255) NOT NULL,
    payload       BYTEA        NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at       TIMESTAMPTZ
);
CREATE INDEX outbox_unsent ON outbox (position) WHERE sent_at IS NULL;

-- Events a consumer has applied, recorded in the transaction that applied them.
CREATE TABLE processed_events (
    consumer     VARCHAR(128) NOT NULL,
    event_id     VARCHAR(64)  NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
