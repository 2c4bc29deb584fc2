package io.gcam.profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * How well the applicant knows one language.
 *
 * @param language BCP 47 language tag, e.g. {@code zh-Hant}, {@code yue}, {@code pt}, {@code en}
 * @param level the level reached
 */
public record LanguageSkill(
        @NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "{io.gcam.profile.language.tag}")
        String language,
        @NotNull Proficiency level) {
}
