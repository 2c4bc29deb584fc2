package io.gcam.records;

/** The role names gcam-records checks on staff {@link io.gcam.core.Actor}s. */
public final class RecordsRoles {

    /** Manages the file plan, legal holds and disposal runs of their agency. */
    public static final String RECORDS_OFFICER = "RECORDS_OFFICER";
    /** Cleared to see {@link SecurityLevel#CONFIDENTIAL} records (with the default clearance policy). */
    public static final String CLEARANCE_CONFIDENTIAL = "CLEARANCE_CONFIDENTIAL";
    /** Cleared to see {@link SecurityLevel#SECRET} records (with the default clearance policy). */
    public static final String CLEARANCE_SECRET = "CLEARANCE_SECRET";

    private RecordsRoles() {
    }
}
