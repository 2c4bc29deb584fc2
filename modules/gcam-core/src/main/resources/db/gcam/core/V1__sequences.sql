-- Counters behind reference numbers (io.gcam.core.jdbc.JdbcSequenceStore): one row per series,
-- holding the last number handed out. A series row is created by the first number taken from it.
CREATE TABLE gcam_sequence (
    series     VARCHAR(200) NOT NULL,
    last_value BIGINT       NOT NULL,
    CONSTRAINT gcam_sequence_pk PRIMARY KEY (series),
    CONSTRAINT gcam_sequence_last_value_positive CHECK (last_value >= 1)
);
