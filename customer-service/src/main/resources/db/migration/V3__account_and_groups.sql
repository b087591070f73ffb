-- Whether the customer may log in to the site's protected pages.
ALTER TABLE customers ADD COLUMN account_active BOOLEAN NOT NULL DEFAULT true;

-- The groups a customer is in, by name; a group exists while it has members.
CREATE TABLE customer_groups (
    customer_id UUID         NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    site_id     VARCHAR(64)  NOT NULL,
    group_name  VARCHAR(100) NOT NULL,
    added_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, group_name)
);
CREATE INDEX customer_groups_site_group ON customer_groups (site_id, group_name);
