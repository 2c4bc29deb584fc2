package io.gcam.core;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An identifier with a type of its own, so that an application id can never be passed where a
 * document id is expected. Declare one record per kind of object:
 *
 * <pre>{@code
 * public record ApplicationId(String value) implements TypedId {
 *     public ApplicationId {
 *         value = TypedId.requireValid(value, "applicationId");
 *     }
 * }
 *
 * ApplicationId id = ids.next(ApplicationId::new);          // ids: an IdGenerator
 * ApplicationId parsed = new ApplicationId(pathParameter);  // ValidationException when malformed
 * }</pre>
 *
 * <p>Values are UUIDs in canonical lower-case form (36 characters). {@link IdGenerator} creates
 * time-ordered ones (UUID version 7); identifiers imported from elsewhere may be any UUID version.
 */
public interface TypedId {

    /** @return the identifier in canonical form, e.g. {@code 0190a6b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b} */
    String value();

    /**
     * Validates an identifier taken from untrusted input and returns its canonical form.
     *
     * @param value the identifier; upper-case hex digits are accepted
     * @param field the field name reported in the violation, e.g. {@code applicationId}
     * @return the identifier in lower case
     * @throws ValidationException {@code VALIDATION_FAILED} naming {@code field} when the value is
     *     missing, blank or not a UUID in canonical 8-4-4-4-12 form
     */
    static String requireValid(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(List.of(CoreViolations.violation(field, "REQUIRED")));
        }
        if (!isValid(value)) {
            throw new ValidationException(List.of(CoreViolations.violation(field, "ID_MALFORMED")));
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /**
     * @param value a candidate identifier
     * @return whether it is a UUID in canonical 8-4-4-4-12 hex form (either case)
     */
    static boolean isValid(@Nullable String value) {
        return value != null && IdGenerator.CANONICAL.matcher(value).matches();
    }
}
