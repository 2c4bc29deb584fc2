package io.gcam.catalog;

import io.gcam.core.LocalizedText;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where citizens get help with a service.
 *
 * @param name the office or line, e.g. "Recruitment enquiries"
 * @param phone a telephone number, or {@code null}
 * @param email an e-mail address, or {@code null}
 * @param address a postal or visiting address, or {@code null}
 */
public record ContactPoint(LocalizedText name, @Nullable String phone, @Nullable String email,
        @Nullable LocalizedText address) {

    /** Checks that the name is present. */
    public ContactPoint {
        Objects.requireNonNull(name, "name");
    }
}
