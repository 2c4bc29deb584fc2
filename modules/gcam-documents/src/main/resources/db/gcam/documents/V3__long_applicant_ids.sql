-- Applicant ids are identity providers' subject ids, which may be up to 255 characters
-- (OpenID Connect). Portable on PostgreSQL and H2.
ALTER TABLE gcam_doc_document ALTER COLUMN applicant_id SET DATA TYPE VARCHAR(255);
ALTER TABLE gcam_doc_type_lock ALTER COLUMN applicant_id SET DATA TYPE VARCHAR(255);
