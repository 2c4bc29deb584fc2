package io.gcam.documents;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a document belongs to: an application (its reference) of an application type, filed by
 * an applicant with an agency. The applicant and the staff of the agency may read the document.
 *
 * @param agency code of the agency that owns the application
 * @param applicationType the application type whose checklist applies, e.g. {@code recruitment}
 * @param reference the application's reference (or any stable id of what the documents support)
 * @param applicantId subject id of the applicant the documents belong to
 */
public record OwnerRef(String agency, String applicationType, String reference, String applicantId) {

    private static final Pattern SAFE = Pattern.compile("[\\p{L}\\p{N}._:@/-]{1,100}");

    /** Checks every part: 1 to 100 letters, digits or {@code . _ : @ / -}. */
    public OwnerRef {
        check("agency", agency);
        check("applicationType", applicationType);
        check("reference", reference);
        check("applicantId", applicantId);
    }

    private static void check(String name, String value) {
        Objects.requireNonNull(value, name);
        if (!SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be 1 to 100 letters, digits or . _ : @ / -");
        }
    }
}
