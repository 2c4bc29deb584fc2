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
    /** A subject id as identity providers issue them (an OpenID Connect {@code sub} is at most 255 characters). */
    private static final Pattern SUBJECT = Pattern.compile("[\\p{L}\\p{N}\\p{P}\\p{S}]{1,255}");

    /**
     * Checks every part: agency, application type and reference are 1 to 100 letters, digits or
     * {@code . _ : @ / -}; the applicant id is 1 to 255 letters, digits, punctuation or symbols (no
     * spaces or control characters), so that any identity provider's subject id fits.
     */
    public OwnerRef {
        check("agency", agency, SAFE, "1 to 100 letters, digits or . _ : @ / -");
        check("applicationType", applicationType, SAFE, "1 to 100 letters, digits or . _ : @ / -");
        check("reference", reference, SAFE, "1 to 100 letters, digits or . _ : @ / -");
        check("applicantId", applicantId, SUBJECT, "1 to 255 characters without spaces or control characters");
    }

    private static void check(String name, String value, Pattern allowed, String rule) {
        Objects.requireNonNull(value, name);
        if (!allowed.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be " + rule);
        }
    }
}
