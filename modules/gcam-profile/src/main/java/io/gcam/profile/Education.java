package io.gcam.profile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * One qualification.
 *
 * @param institution school, college or university
 * @param qualification degree, diploma or certificate, e.g. {@code Bachelor of Laws}
 * @param field field of study, optional
 * @param yearCompleted year it was completed, optional while still studying
 */
public record Education(
        @NotBlank @Size(max = 200) String institution,
        @NotBlank @Size(max = 200) String qualification,
        @Size(max = 200) @Nullable String field,
        @Min(1900) @Max(2200) @Nullable Integer yearCompleted) {
}
