-- customers.group_names follows customer_groups once per statement instead of once per row: adding 2,000 customers
-- to a group was 2,000 single-row updates. A writer that sets group_names itself in the same transaction (a bulk
-- change writes each customer once, groups included) says so with clientele.group_names_written and skips it.
DROP TRIGGER customer_groups_copied ON customer_groups;
DROP FUNCTION customer_groups_copied();

CREATE FUNCTION customer_groups_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('clientele.group_names_written', true), '') <> 'on' THEN
        UPDATE customers c SET group_names = c.group_names || ARRAY(SELECT n FROM unnest(a.names) AS n WHERE n <> ALL (c.group_names))
        FROM (SELECT customer_id, array_agg(DISTINCT group_name) AS names FROM added GROUP BY customer_id) a
        WHERE c.id = a.customer_id;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION customer_groups_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('clientele.group_names_written', true), '') <> 'on' THEN
        UPDATE customers c SET group_names = ARRAY(SELECT g FROM unnest(c.group_names) AS g WHERE g <> ALL (r.names))
        FROM (SELECT customer_id, array_agg(group_name) AS names FROM removed GROUP BY customer_id) r
        WHERE c.id = r.customer_id;
    END IF;
    RETURN NULL;
END $$;

-- A group renamed renames it in its members' rows (the cascade from groups is one statement per group).
CREATE FUNCTION customer_groups_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE customers c SET group_names = array_replace(c.group_names, o.group_name, n.group_name)
    FROM renamed_from o JOIN renamed_to n ON n.customer_id = o.customer_id
    WHERE c.id = o.customer_id AND o.group_name <> n.group_name;
    RETURN NULL;
END $$;

CREATE TRIGGER customer_groups_added AFTER INSERT ON customer_groups REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION customer_groups_added();
CREATE TRIGGER customer_groups_removed AFTER DELETE ON customer_groups REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION customer_groups_removed();
CREATE TRIGGER customer_groups_renamed AFTER UPDATE ON customer_groups
    REFERENCING OLD TABLE AS renamed_from NEW TABLE AS renamed_to
    FOR EACH STATEMENT EXECUTE FUNCTION customer_groups_renamed();
