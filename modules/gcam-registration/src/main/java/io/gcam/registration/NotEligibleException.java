package io.gcam.registration;

import io.gcam.core.GcamLocales;
import io.gcam.core.LocalizedText;
import io.gcam.core.Messages;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The applicant does not meet the activity's eligibility rules. Code {@code NOT_ELIGIBLE}.
 * {@link #reasons()} says why, in the three languages. Nothing was changed.
 */
public class NotEligibleException extends RegistrationException {

    private static final long serialVersionUID = 1L;

    private final transient List<LocalizedText> reasons;

    /**
     * @param reasons why the applicant is not eligible, at least one
     */
    public NotEligibleException(List<LocalizedText> reasons) {
        super(RegistrationErrorCode.NOT_ELIGIBLE, join(reasons, GcamLocales.ENGLISH));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a NotEligibleException needs at least one reason");
        }
        this.reasons = List.copyOf(reasons);
    }

    /** @return why the applicant is not eligible */
    public List<LocalizedText> reasons() {
        return reasons;
    }

    @Override
    public String localizedMessage(Locale locale) {
        return Messages.format(NotEligibleException.class.getClassLoader(), RegistrationErrorCode.BUNDLE,
                RegistrationErrorCode.NOT_ELIGIBLE.code(), locale, join(reasons, locale));
    }

    private static String join(List<LocalizedText> reasons, Locale locale) {
        return reasons.stream().map(r -> r.in(locale)).collect(Collectors.joining("; "));
    }
}
