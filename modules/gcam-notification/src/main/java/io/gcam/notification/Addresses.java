package io.gcam.notification;

import io.gcam.core.GcamException;
import io.gcam.notification.internal.Placeholders;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Syntax checks for recipient addresses, and masking for logs. A valid address has no line break
 * and no control character, so it cannot inject SMTP headers.
 */
public final class Addresses {

    /** Longest email address accepted (RFC 5321 path limit). */
    public static final int MAX_EMAIL_LENGTH = 254;

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN =
            Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private Addresses() {
    }

    /**
     * Checks an email address: a dot-atom local part of at most 64 characters, '@', and a domain
     * name with at least two labels.
     *
     * @param address the address
     * @return the address, trimmed, with the domain in lower case
     * @throws GcamException {@code HEADER_LINE_BREAK} when it contains a line break,
     *     {@code INVALID_EMAIL_ADDRESS} otherwise when invalid
     */
    public static String requireEmail(String address) {
        Objects.requireNonNull(address, "address");
        if (Placeholders.hasLineBreak(address)) {
            throw new GcamException(NotificationErrorCode.HEADER_LINE_BREAK, "recipient");
        }
        String trimmed = address.strip();
        int at = trimmed.lastIndexOf('@');
        if (trimmed.length() > MAX_EMAIL_LENGTH || at < 1 || at > 64 || at == trimmed.length() - 1
                || !LOCAL.matcher(trimmed.substring(0, at)).matches()
                || !DOMAIN.matcher(trimmed.substring(at + 1)).matches()) {
            throw new GcamException(NotificationErrorCode.INVALID_EMAIL_ADDRESS);
        }
        return trimmed.substring(0, at + 1) + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Checks a phone number in E.164 form: '+', a country code not starting with 0, at most 15
     * digits in all. Spaces, dots, dashes and parentheses are removed first.
     *
     * @param number the number, e.g. {@code +853 6123 4567}
     * @return the number in E.164 form, e.g. {@code +85361234567}
     * @throws GcamException {@code HEADER_LINE_BREAK} when it contains a line break,
     *     {@code INVALID_PHONE_NUMBER} otherwise when invalid
     */
    public static String requireE164(String number) {
        Objects.requireNonNull(number, "number");
        if (Placeholders.hasLineBreak(number)) {
            throw new GcamException(NotificationErrorCode.HEADER_LINE_BREAK, "recipient");
        }
        String compact = number.strip().replaceAll("[ .()\\-]", "");
        if (!E164.matcher(compact).matches()) {
            throw new GcamException(NotificationErrorCode.INVALID_PHONE_NUMBER);
        }
        return compact;
    }

    /**
     * Masks an address for logs and staff lists: {@code j***@example.org}, {@code +853****67}.
     *
     * @param address an email address or phone number (or an opaque subject id for in-app)
     * @return the masked form
     */
    public static String mask(String address) {
        int at = address.indexOf('@');
        if (at > 0) {
            return address.charAt(0) + "***" + address.substring(at);
        }
        if (address.startsWith("+") && address.length() > 6) {
            return address.substring(0, 4) + "*".repeat(address.length() - 6) + address.substring(address.length() - 2);
        }
        return address.length() <= 2 ? "**" : address.charAt(0) + "***";
    }
}
