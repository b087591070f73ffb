-- How the customer reads e-mail: HTML, TEXT, SHORT_TEXT (SMS), or UNKNOWN until they show it.
ALTER TABLE customers ADD COLUMN preferred_content_type VARCHAR(16) NOT NULL DEFAULT 'UNKNOWN'
    CHECK (preferred_content_type IN ('UNKNOWN', 'HTML', 'TEXT', 'SHORT_TEXT'));
