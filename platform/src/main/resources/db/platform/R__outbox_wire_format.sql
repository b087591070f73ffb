-- Rows hold the event as it goes on the wire (Confluent framing with the schema id taken when it was written), so
-- that the relay and Debezium's outbox router publish the payload as it is. Rows written before this column are
-- bare Avro, framed by the relay with the schema of the type they name.
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS framed BOOLEAN NOT NULL DEFAULT false;
