package io.gcam.notification;

import io.gcam.core.GcamLocales;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where and how to reach a person: addresses per channel, preferred language and channel.
 * Addresses are checked and normalized on construction.
 *
 * @param subjectId the person's subject id (needed for in-app messages); null for an explicit
 *     address of someone without an account
 * @param email email address, or null
 * @param phone phone number in E.164 form, or null
 * @param locale preferred language, resolved to English, Traditional Chinese or Portuguese
 * @param preferredChannel the channel to use when the request names none; null for email
 */
public record Recipient(@Nullable String subjectId, @Nullable String email, @Nullable String phone, Locale locale,
        @Nullable Channel preferredChannel) {

    /** Validates and normalizes the addresses. */
    public Recipient {
        email = email == null ? null : Addresses.requireEmail(email);
        phone = phone == null ? null : Addresses.requireE164(phone);
        locale = GcamLocales.resolve(Objects.requireNonNull(locale, "locale"));
    }

    /**
     * A recipient known only by an email address.
     *
     * @param email the address
     * @param locale the language to write in
     * @return the recipient
     */
    public static Recipient email(String email, Locale locale) {
        return new Recipient(null, email, null, locale, Channel.EMAIL);
    }

    /**
     * A recipient known only by a phone number.
     *
     * @param phone the number (E.164)
     * @param locale the language to write in
     * @return the recipient
     */
    public static Recipient phone(String phone, Locale locale) {
        return new Recipient(null, null, phone, locale, Channel.SMS);
    }

    /**
     * The address for a channel.
     *
     * @param channel the channel
     * @return the email address, phone number, or subject id (in-app); null when unknown
     */
    public @Nullable String addressFor(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS -> phone;
            case IN_APP -> subjectId;
        };
    }

    @Override
    public String toString() {
        return "Recipient[" + (subjectId == null ? "-" : subjectId) + " " + locale.toLanguageTag() + "]";
    }
}
