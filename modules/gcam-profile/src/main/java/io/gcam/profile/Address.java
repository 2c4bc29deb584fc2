package io.gcam.profile;

import io.gcam.profile.internal.Masks;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A postal address. {@link #toString()} masks every part but the country.
 *
 * @param line1 street, building, floor and flat
 * @param line2 further address line, optional
 * @param city city or district
 * @param region region, province or state, optional
 * @param postalCode postal code, optional (Macao has none)
 * @param country ISO 3166-1 alpha-2 country code, e.g. {@code MO}
 */
public record Address(
        @NotBlank @Size(max = 200) String line1,
        @Size(max = 200) @Nullable String line2,
        @NotBlank @Size(max = 100) String city,
        @Size(max = 100) @Nullable String region,
        @Size(max = 20) @Nullable String postalCode,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "{io.gcam.profile.country.code}") String country) {

    /** @return the address with every part but the country masked */
    @Override
    public String toString() {
        return "Address[line1=" + Masks.mask(line1) + ", line2=" + Masks.mask(line2) + ", city=" + Masks.mask(city)
                + ", region=" + Masks.mask(region) + ", postalCode=" + Masks.mask(postalCode) + ", country=" + country
                + "]";
    }
}
