package io.gcam.records;

import io.gcam.core.ErrorCode;
import io.gcam.core.ErrorKind;

/**
 * Stable error codes of gcam-records, with messages in English, Traditional Chinese and Portuguese
 * in the bundle {@value #BUNDLE}.
 */
public enum RecordsErrorCode implements ErrorCode {
    /** The record is checked out by someone else. */
    RECORD_CHECKED_OUT(ErrorKind.CONFLICT),
    /** The record is not checked out by the actor. */
    RECORD_NOT_CHECKED_OUT_BY_YOU(ErrorKind.RULE_VIOLATION),
    /** The record is closed or archived and cannot be changed. */
    RECORD_NOT_OPEN(ErrorKind.RULE_VIOLATION),
    /** The class is not in the agency's file plan. */
    CLASSIFICATION_UNKNOWN(ErrorKind.INVALID_INPUT),
    /** The file plan already has a class with this code. */
    CLASSIFICATION_EXISTS(ErrorKind.CONFLICT),
    /** The content store has no content with this id. */
    CONTENT_NOT_FOUND(ErrorKind.INVALID_INPUT),
    /** The content does not have the SHA-256 given for it. */
    CONTENT_CHECKSUM_MISMATCH(ErrorKind.INVALID_INPUT),
    /** The record already has a transfer waiting for acknowledgement. */
    TRANSFER_ALREADY_PENDING(ErrorKind.CONFLICT),
    /** The transfer was already acknowledged. */
    TRANSFER_NOT_PENDING(ErrorKind.CONFLICT),
    /** The receiver already holds the record. */
    TRANSFER_TO_CURRENT_CUSTODIAN(ErrorKind.INVALID_INPUT),
    /** The legal hold was already released. */
    LEGAL_HOLD_NOT_ACTIVE(ErrorKind.CONFLICT),
    /** The disposal run was already approved. */
    DISPOSAL_RUN_NOT_PENDING(ErrorKind.CONFLICT),
    /** Another record of the agency already has this barcode. */
    BARCODE_IN_USE(ErrorKind.CONFLICT),
    /** The actor's clearance is below the record's security level. */
    CLEARANCE_INSUFFICIENT(ErrorKind.ACCESS_DENIED),
    /** The dossier does not exist, is not a dossier, or is not open. */
    DOSSIER_INVALID(ErrorKind.INVALID_INPUT);

    /** The resource bundle with the messages of these codes. */
    public static final String BUNDLE = "io.gcam.records.messages";

    private final ErrorKind kind;

    RecordsErrorCode(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String bundle() {
        return BUNDLE;
    }
}
