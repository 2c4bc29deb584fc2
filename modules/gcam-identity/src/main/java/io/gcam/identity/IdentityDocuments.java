package io.gcam.identity;

import io.gcam.core.CheckAlgorithm;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks identity-document numbers with their published rules, and normalizes them (upper case,
 * without spaces, brackets, slashes or hyphens).
 *
 * <table class="striped">
 *   <caption>Rules</caption>
 *   <thead><tr><th>type</th><th>format</th><th>check</th></tr></thead>
 *   <tbody>
 *     <tr><td>{@link IdentityDocumentType#HONG_KONG_IDENTITY_CARD}</td>
 *         <td>one or two letters, six digits, a check character {@code 0}..{@code 9} or {@code A};
 *         written e.g. {@code A123456(3)}</td>
 *         <td>weights 9..2 over the (space-padded) letters and digits, {@code A}..{@code Z} = 10..35,
 *         space = 36; the check makes the weighted sum 0 modulo 11 ({@code A} = 10)</td></tr>
 *     <tr><td>{@link IdentityDocumentType#CHINA_RESIDENT_IDENTITY_CARD}</td>
 *         <td>17 digits (6 region, 8 birth date {@code yyyyMMdd}, 3 sequence) and a check character
 *         {@code 0}..{@code 9} or {@code X} (GB 11643-1999)</td>
 *         <td>ISO 7064 MOD 11-2 ({@link CheckAlgorithm#MOD_11_2}); the birth date must be a real
 *         date (year 1800 or later)</td></tr>
 *     <tr><td>{@link IdentityDocumentType#MACAU_RESIDENT_IDENTITY_CARD}</td>
 *         <td>eight digits, the first {@code 1}, {@code 5} or {@code 7}; written e.g.
 *         {@code 1/234567/8} or {@code 1234567(8)}</td>
 *         <td>format only: the issuer publishes no check-digit rule, so none is applied and a
 *         mistyped last digit is not detected</td></tr>
 *     <tr><td>{@link IdentityDocumentType#PASSPORT}, {@link IdentityDocumentType#OTHER}</td>
 *         <td>1 to 20 letters and digits</td>
 *         <td>none on the number alone; a passport's check digits are in its machine-readable zone
 *         ({@link MachineReadableZones})</td></tr>
 *   </tbody>
 * </table>
 */
public final class IdentityDocuments {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s()/\\-]");
    private static final Pattern HONG_KONG = Pattern.compile("[A-Z]{1,2}[0-9]{6}[0-9A]");
    private static final Pattern CHINA = Pattern.compile("[0-9]{17}[0-9X]");
    private static final Pattern MACAU = Pattern.compile("[157][0-9]{7}");
    private static final Pattern GENERIC = Pattern.compile("[A-Z0-9]{1,20}");

    private IdentityDocuments() {
    }

    /**
     * Checks {@code number} against the rules of {@code type} and returns the document with the
     * normalized number.
     *
     * @param type the document type
     * @param number the number as typed, separators allowed
     * @return the document with the normalized number
     * @throws InvalidIdentityDocumentException {@code INVALID_IDENTITY_DOCUMENT} when the number fails
     *     its format or check; {@link InvalidIdentityDocumentException#failedCheck()} says which
     */
    public static IdentityDocument validate(IdentityDocumentType type, String number) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(number, "number");
        String normalized = normalize(number);
        switch (type) {
            case HONG_KONG_IDENTITY_CARD -> {
                require(type, HONG_KONG.matcher(normalized).matches(), "format");
                char expected = hongKongCheckCharacter(normalized.substring(0, normalized.length() - 1));
                require(type, normalized.charAt(normalized.length() - 1) == expected, "checkDigit");
            }
            case CHINA_RESIDENT_IDENTITY_CARD -> {
                require(type, CHINA.matcher(normalized).matches(), "format");
                require(type, isRealBirthDate(normalized.substring(6, 14)), "dateOfBirth");
                require(type, CheckAlgorithm.MOD_11_2.isValid(normalized), "checkDigit");
            }
            case MACAU_RESIDENT_IDENTITY_CARD -> require(type, MACAU.matcher(normalized).matches(), "format");
            case PASSPORT, OTHER -> require(type, GENERIC.matcher(normalized).matches(), "format");
        }
        return new IdentityDocument(type, normalized);
    }

    /**
     * Whether {@code number} passes the rules of {@code type}.
     *
     * @param type the document type
     * @param number the number as typed
     * @return {@code true} when {@link #validate} would accept it
     */
    public static boolean isValid(IdentityDocumentType type, String number) {
        try {
            validate(type, number);
            return true;
        } catch (InvalidIdentityDocumentException e) {
            return false;
        }
    }

    /**
     * The check character of a Hong Kong identity card number.
     *
     * @param prefixAndDigits one or two letters followed by six digits, e.g. {@code A123456}
     * @return the check character, {@code 0}..{@code 9} or {@code A}
     * @throws InvalidIdentityDocumentException when the input is not one or two letters and six digits
     */
    public static char hongKongCheckCharacter(String prefixAndDigits) {
        String value = prefixAndDigits.toUpperCase(Locale.ROOT);
        if (!value.matches("[A-Z]{1,2}[0-9]{6}")) {
            throw new InvalidIdentityDocumentException(IdentityDocumentType.HONG_KONG_IDENTITY_CARD, "format");
        }
        String padded = value.length() == 7 ? " " + value : value;
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = padded.charAt(i);
            int v = c == ' ' ? 36 : Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * (9 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? 'A' : (char) ('0' + check);
    }

    private static boolean isRealBirthDate(String yyyymmdd) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)),
                    Integer.parseInt(yyyymmdd.substring(4, 6)), Integer.parseInt(yyyymmdd.substring(6, 8)));
            return date.getYear() >= 1800;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static String normalize(String number) {
        return SEPARATORS.matcher(number).replaceAll("").toUpperCase(Locale.ROOT);
    }

    private static void require(IdentityDocumentType type, boolean ok, String check) {
        if (!ok) {
            throw new InvalidIdentityDocumentException(type, check);
        }
    }
}
