-- Who approved or rejected a request: the signed-in collaborator (the subject of their admin token).
ALTER TABLE access_requests ADD COLUMN decided_by VARCHAR(254);
