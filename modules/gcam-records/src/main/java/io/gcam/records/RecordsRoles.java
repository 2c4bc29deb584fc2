package io.gcam.records;

/** The role names gcam-records checks on staff {@link io.gcam.core.Actor}s. */
public final class RecordsRoles {

    /** Manages the file plan, legal holds and disposal runs of their agency. */
    public static final String RECORDS_OFFICER = "RECORDS_OFFICER";
    /** Cleared to see {@link SecurityLevel#CONFIDENTIAL} records (with the default clearance policy). */
    public static final String CLEARANCE_CONFIDENTIAL = "CLEARANCE_CONFIDENTIAL";
    /** Cleared to see {@link SecurityLevel#SECRET} records (with the default clearance policy). */
    public static final String CLEARANCE_SECRET = "CLEARANCE_SECRET";

    /** Prefix of the roles naming a department, see {@link #department(String)}. */
    public static final String DEPARTMENT_PREFIX = "DEPT_";

    private RecordsRoles() {
    }

    /**
     * The role that makes a staff member part of a department with the default
     * {@link io.gcam.records.spi.DepartmentPolicy#byRoles() department policy}.
     *
     * @param departmentCode the department code, as in {@link Custodian#department()}
     * @return {@code DEPT_<departmentCode>}, e.g. {@code DEPT_ARCHIVE}
     */
    public static String department(String departmentCode) {
        return DEPARTMENT_PREFIX + departmentCode;
    }
}
