package io.gcam.profile;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One job.
 *
 * @param employer the employer
 * @param position the job title
 * @param from first day
 * @param to last day, {@code null} while the job continues
 */
public record WorkExperience(
        @NotBlank @Size(max = 200) String employer,
        @NotBlank @Size(max = 200) String position,
        @NotNull @PastOrPresent LocalDate from,
        @Nullable LocalDate to) {

    /** @return whether the period is in order: no end, or an end on or after the start */
    @AssertTrue(message = "{io.gcam.profile.period.order}")
    public boolean isPeriodInOrder() {
        return to == null || from == null || !to.isBefore(from);
    }
}
