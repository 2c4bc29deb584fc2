-- Subject ids from OpenID Connect providers may be up to 255 characters (OpenID Connect Core 1.0, section 2).
ALTER TABLE portal_user ALTER COLUMN subject_id SET DATA TYPE VARCHAR(255);
ALTER TABLE portal_note ALTER COLUMN owner_subject SET DATA TYPE VARCHAR(255);
