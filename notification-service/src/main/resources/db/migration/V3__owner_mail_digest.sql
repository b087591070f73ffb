-- Whether bursts of access requests reach the site's owner as one digest mail (SiteUpdated.ownerMailDigest).
ALTER TABLE sites ADD COLUMN owner_mail_digest BOOLEAN NOT NULL DEFAULT true;
