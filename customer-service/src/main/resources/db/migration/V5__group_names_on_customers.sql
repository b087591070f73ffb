-- The groups a customer is in, also as an array on the customer, so that a group condition is a check on the row
-- (and a GIN index lookup) rather than a join: customer_groups stays the source, and this trigger keeps the copy.
ALTER TABLE customers ADD COLUMN group_names TEXT[] NOT NULL DEFAULT '{}';
UPDATE customers c SET group_names = g.names
FROM (SELECT customer_id, array_agg(group_name ORDER BY group_name) AS names FROM customer_groups GROUP BY customer_id) g
WHERE g.customer_id = c.id;
CREATE INDEX customers_group_names ON customers USING gin (group_names);

CREATE FUNCTION customer_groups_copied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE customers SET group_names = array_remove(group_names, OLD.group_name) WHERE id = OLD.customer_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE customers SET group_names = array_append(group_names, NEW.group_name)
        WHERE id = NEW.customer_id AND NOT NEW.group_name = ANY(group_names);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER customer_groups_copied AFTER INSERT OR UPDATE OR DELETE ON customer_groups
    FOR EACH ROW EXECUTE FUNCTION customer_groups_copied();
