-- The publication Debezium's PostgreSQL connector streams the outbox through, where it drains the outbox instead
-- of the relay (deploy/k8s/overlays/debezium). Created by the table's owner; unused elsewhere.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'clientele_outbox') THEN
        CREATE PUBLICATION clientele_outbox FOR TABLE outbox;
    END IF;
END $$;
