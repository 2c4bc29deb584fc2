package io.gcam.core;

/** Error codes raised by gcam-core itself and shared by all modules. */
public enum CoreErrorCode implements ErrorCode {
    /** Input failed validation; {@link ValidationException#violations()} lists the fields. */
    VALIDATION_FAILED(ErrorKind.INVALID_INPUT),
    /** The object does not exist or is not visible to the actor. */
    NOT_FOUND(ErrorKind.NOT_FOUND),
    /** The actor may not perform the operation. */
    ACCESS_DENIED(ErrorKind.ACCESS_DENIED),
    /** The object was changed concurrently or the request clashes with its state. */
    CONFLICT(ErrorKind.CONFLICT),
    /** An idempotency key was reused with a different request. */
    IDEMPOTENCY_KEY_REUSED(ErrorKind.INVALID_INPUT),
    /** A request with the same idempotency key is still being processed. */
    IDEMPOTENCY_IN_FLIGHT(ErrorKind.CONFLICT),
    /** A reference number does not match its format or its check character. */
    INVALID_REFERENCE_NUMBER(ErrorKind.INVALID_INPUT),
    /** An encrypted value could not be decrypted (wrong key, tampered or moved to another owner). */
    DECRYPTION_FAILED(ErrorKind.INTERNAL),
    /** A configuration value is missing or invalid. */
    CONFIGURATION_INVALID(ErrorKind.INTERNAL),
    /** A storage backend failed. */
    STORAGE_FAILURE(ErrorKind.UNAVAILABLE),
    /**
     * A transaction was rolled back although its outermost call returned normally: a failure inside
     * it was caught instead of propagated. Nothing was saved.
     */
    TRANSACTION_ROLLED_BACK(ErrorKind.INTERNAL);

    /** Base name of gcam-core's message bundle. */
    public static final String BUNDLE = "io.gcam.core.messages";

    private final ErrorKind kind;

    CoreErrorCode(ErrorKind kind) {
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
