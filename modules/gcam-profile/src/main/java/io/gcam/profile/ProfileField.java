package io.gcam.profile;

import io.gcam.core.LocalizedText;
import io.gcam.core.Messages;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a {@link ProfileData}: what history entries name as changed, what verification
 * locks, and what {@link Completeness} lists as missing. Each has a label in the three languages.
 */
public enum ProfileField {
    /** {@link ProfileData#nameInChinese()}. */
    NAME_IN_CHINESE(ProfileData::nameInChinese),
    /** {@link ProfileData#familyName()}. */
    FAMILY_NAME(ProfileData::familyName),
    /** {@link ProfileData#givenNames()}. */
    GIVEN_NAMES(ProfileData::givenNames),
    /** {@link ProfileData#gender()}. */
    GENDER(ProfileData::gender),
    /** {@link ProfileData#dateOfBirth()}. */
    DATE_OF_BIRTH(ProfileData::dateOfBirth),
    /** {@link ProfileData#nationality()}. */
    NATIONALITY(ProfileData::nationality),
    /** {@link ProfileData#residencyStatus()}. */
    RESIDENCY_STATUS(ProfileData::residencyStatus),
    /** {@link ProfileData#document()}. */
    IDENTITY_DOCUMENT(ProfileData::document),
    /** {@link ProfileData#email()}. */
    EMAIL(ProfileData::email),
    /** {@link ProfileData#phone()}. */
    PHONE(ProfileData::phone),
    /** {@link ProfileData#address()}. */
    ADDRESS(ProfileData::address),
    /** {@link ProfileData#preferredLanguage()}. */
    PREFERRED_LANGUAGE(ProfileData::preferredLanguage),
    /** {@link ProfileData#preferredChannel()}. */
    PREFERRED_CHANNEL(ProfileData::preferredChannel),
    /** {@link ProfileData#education()}. */
    EDUCATION(ProfileData::education),
    /** {@link ProfileData#workExperience()}. */
    WORK_EXPERIENCE(ProfileData::workExperience),
    /** {@link ProfileData#languageSkills()}. */
    LANGUAGE_SKILLS(ProfileData::languageSkills);

    /** Base name of the bundle with the field labels. */
    public static final String LABELS = "io.gcam.profile.fields";

    private final Function<ProfileData, @Nullable Object> accessor;

    ProfileField(Function<ProfileData, @Nullable Object> accessor) {
        this.accessor = accessor;
    }

    /**
     * @param data a profile's data
     * @return this field's value in {@code data}; {@code null} when absent
     */
    public @Nullable Object valueIn(ProfileData data) {
        return accessor.apply(Objects.requireNonNull(data, "data"));
    }

    /**
     * @param data a profile's data
     * @return whether the field holds a value: not {@code null}, not blank, not an empty list
     */
    public boolean isFilledIn(ProfileData data) {
        Object value = valueIn(data);
        if (value == null) {
            return false;
        }
        if (value instanceof String text) {
            return !text.isBlank();
        }
        return !(value instanceof Collection<?> list) || !list.isEmpty();
    }

    /**
     * @param before the data before a change
     * @param after the data after it
     * @return whether this field differs between the two
     */
    public boolean differs(ProfileData before, ProfileData after) {
        return !Objects.equals(valueIn(before), valueIn(after));
    }

    /** @return the field's name for people, in English, Traditional Chinese and Portuguese */
    public LocalizedText label() {
        return Messages.text(LABELS, name());
    }
}
