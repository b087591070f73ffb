-- What notification-service knows of each site, from SiteUpdated.
CREATE TABLE sites (
    site_id      VARCHAR(64)  PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    owner_email  VARCHAR(254) NOT NULL,
    locale       VARCHAR(16)  NOT NULL,
    sender_name  VARCHAR(200),
    sender_email VARCHAR(254),
    as_of        TIMESTAMPTZ  NOT NULL
);

-- The outgoing queue and the delivery log in one: a row is QUEUED until the SMTP server took it (SENT) or the
-- retries ran out (FAILED).
CREATE TABLE outgoing_mail (
    id              UUID         PRIMARY KEY,
    site_id         VARCHAR(64)  NOT NULL,
    event_id        VARCHAR(64)  NOT NULL,
    template        VARCHAR(64)  NOT NULL,
    audience        VARCHAR(16)  NOT NULL CHECK (audience IN ('SITE_OWNER', 'CUSTOMER')),
    recipient       VARCHAR(254),
    params          JSONB        NOT NULL,
    subject         VARCHAR(400),
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'FAILED')),
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_error      TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ,
    CONSTRAINT outgoing_mail_once_per_event UNIQUE (event_id, template)
);
CREATE INDEX outgoing_mail_due ON outgoing_mail (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX outgoing_mail_site ON outgoing_mail (site_id, created_at DESC);
