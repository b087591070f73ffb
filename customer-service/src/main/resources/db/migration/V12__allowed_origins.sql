-- The origins (https://host[:port]) whose pages may call the site's public endpoints from a browser (CORS).
ALTER TABLE sites ADD COLUMN allowed_origins TEXT[] NOT NULL DEFAULT '{}';
