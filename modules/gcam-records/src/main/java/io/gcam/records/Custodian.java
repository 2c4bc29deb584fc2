package io.gcam.records;

import java.util.Objects;

/**
 * Who holds a record: an agency and one of its departments.
 *
 * @param agency the agency code, e.g. {@code SAFP}
 * @param department the department code within the agency, e.g. {@code HR}
 */
public record Custodian(String agency, String department) {

    /** Checks that both codes are present and not blank. */
    public Custodian {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(department, "department");
        if (agency.isBlank() || department.isBlank()) {
            throw new IllegalArgumentException("a custodian needs an agency and a department");
        }
    }
}
