-- One row per owner and document type. Inserting a document first updates this row, which
-- serializes concurrent inserts for the same owner and type (on every database, across
-- application instances), so the count of documents checked against the requirement's maximum
-- cannot be overtaken by a concurrent insert.
CREATE TABLE gcam_doc_type_lock (
    agency           VARCHAR(100) NOT NULL,
    application_type VARCHAR(100) NOT NULL,
    owner_reference  VARCHAR(100) NOT NULL,
    applicant_id     VARCHAR(100) NOT NULL,
    document_type    VARCHAR(64)  NOT NULL,
    inserts          BIGINT       NOT NULL,
    CONSTRAINT gcam_doc_type_lock_pk PRIMARY KEY (agency, application_type, owner_reference, applicant_id, document_type)
);
