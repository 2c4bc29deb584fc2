CREATE TABLE gcam_doc_document (
    id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    agency           VARCHAR(100) NOT NULL,
    application_type VARCHAR(100) NOT NULL,
    owner_reference  VARCHAR(100) NOT NULL,
    applicant_id     VARCHAR(100) NOT NULL,
    document_type    VARCHAR(64)  NOT NULL,
    media_type       VARCHAR(255) NOT NULL,
    size_bytes       BIGINT       NOT NULL,
    sha256           CHAR(64)     NOT NULL,
    file_name        VARCHAR(800) NOT NULL,
    blob_key         VARCHAR(128) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    retain_until     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT gcam_doc_document_blob_uk UNIQUE (blob_key),
    CONSTRAINT gcam_doc_document_content_uk UNIQUE (agency, application_type, owner_reference, applicant_id, document_type, sha256)
);

CREATE INDEX gcam_doc_document_owner_ix ON gcam_doc_document (agency, application_type, owner_reference, applicant_id);
CREATE INDEX gcam_doc_document_retain_ix ON gcam_doc_document (retain_until);
