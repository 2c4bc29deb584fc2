package io.gcam.catalog;

import io.gcam.core.ErrorCode;
import io.gcam.core.ErrorKind;

/** Error codes of gcam-catalog. Messages are in {@code io/gcam/catalog/messages*.properties}. */
public enum CatalogErrorCode implements ErrorCode {
    /** A service with this code already exists in the catalogue. */
    SERVICE_CODE_TAKEN(ErrorKind.CONFLICT),
    /** The version's lifecycle status does not allow the requested change. */
    SERVICE_STATUS_INVALID(ErrorKind.CONFLICT),
    /** A catalogue file to import is not valid JSON of the catalogue format. */
    CATALOG_IMPORT_INVALID(ErrorKind.INVALID_INPUT),
    /** The service is not published, or no connector files applications with its agency. */
    SERVICE_NOT_ONLINE(ErrorKind.RULE_VIOLATION),
    /** The agency's backend did not answer in time or failed; trying later may succeed. */
    AGENCY_UNAVAILABLE(ErrorKind.UNAVAILABLE),
    /** The agency's backend refused the application. */
    AGENCY_REJECTED(ErrorKind.RULE_VIOLATION);

    /** Base name of the message bundle. */
    public static final String BUNDLE = "io.gcam.catalog.messages";

    private final ErrorKind kind;

    CatalogErrorCode(ErrorKind kind) {
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
