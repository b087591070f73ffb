-- Search by name looks only at the name: with its own trigram index, the planner estimates a common name as
-- common (with two LIKE conditions it multiplied their selectivities and chose to read every match).
CREATE INDEX customers_search_name ON customers USING gin (search_name gin_trgm_ops);
