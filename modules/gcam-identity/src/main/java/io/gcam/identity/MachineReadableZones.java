package io.gcam.identity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads machine-readable zones of ICAO Doc 9303 (8th edition) and verifies every check digit:
 * TD3 (passports, Part 4: two lines of 44 characters) and TD1 (identity cards, Part 5: three lines
 * of 30 characters).
 *
 * <p>A check digit (Part 3, 4.9) is the sum of the character values times the repeating weights
 * 7, 3, 1, modulo 10, where {@code 0}..{@code 9} count as themselves, {@code A}..{@code Z} as
 * 10..35 and the filler {@code <} as 0. Verified: document number, date of birth, date of expiry,
 * the TD3 personal number (optional data) and the composite check digit over the fields that
 * Part 4 and Part 5 name.
 */
public final class MachineReadableZones {

    private static final Pattern TD3_LINE = Pattern.compile("[A-Z0-9<]{44}");
    private static final Pattern TD1_LINE = Pattern.compile("[A-Z0-9<]{30}");
    private static final int[] WEIGHTS = {7, 3, 1};

    private MachineReadableZones() {
    }

    /**
     * The ICAO 9303 check digit of {@code field}.
     *
     * @param field characters {@code 0}..{@code 9}, {@code A}..{@code Z} and {@code <}
     * @return the check digit, 0..9
     * @throws IllegalArgumentException when {@code field} holds another character
     */
    public static int checkDigit(String field) {
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            int value;
            if (c >= '0' && c <= '9') {
                value = c - '0';
            } else if (c >= 'A' && c <= 'Z') {
                value = c - 'A' + 10;
            } else if (c == '<') {
                value = 0;
            } else {
                throw new IllegalArgumentException("not an MRZ character at position " + i);
            }
            sum += value * WEIGHTS[i % 3];
        }
        return sum % 10;
    }

    /**
     * Reads and verifies a TD3 (passport) machine-readable zone.
     *
     * @param line1 the first line, 44 characters
     * @param line2 the second line, 44 characters
     * @return the fields
     * @throws InvalidIdentityDocumentException {@code INVALID_IDENTITY_DOCUMENT} (type
     *     {@link IdentityDocumentType#PASSPORT}) when a line is malformed or a check digit fails;
     *     {@link InvalidIdentityDocumentException#failedCheck()} names it
     */
    public static MachineReadableZone readTd3(String line1, String line2) {
        IdentityDocumentType type = IdentityDocumentType.PASSPORT;
        require(type, TD3_LINE.matcher(Objects.requireNonNull(line1, "line1")).matches()
                && TD3_LINE.matcher(Objects.requireNonNull(line2, "line2")).matches(), "format");
        check(type, line2, 0, 9, 9, "documentNumber");
        check(type, line2, 13, 19, 19, "dateOfBirth");
        check(type, line2, 21, 27, 27, "dateOfExpiry");
        char personalCheck = line2.charAt(42);
        String personal = line2.substring(28, 42);
        // Part 4: the check digit of an unused personal number field may be '<' (or 0).
        boolean personalOk = personalCheck == '<'
                ? personal.chars().allMatch(ch -> ch == '<')
                : isDigit(personalCheck) && checkDigit(personal) == personalCheck - '0';
        require(type, personalOk, "optionalData");
        String composite = line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 43);
        require(type, isDigit(line2.charAt(43)) && checkDigit(composite) == line2.charAt(43) - '0', "composite");
        String[] names = names(line1.substring(5));
        return new MachineReadableZone(strip(line1.substring(0, 2)), strip(line1.substring(2, 5)),
                strip(line2.substring(0, 9)), line2.substring(13, 19), line2.substring(20, 21),
                line2.substring(21, 27), strip(line2.substring(10, 13)), names[0], names[1]);
    }

    /**
     * Reads and verifies a TD1 (identity card) machine-readable zone.
     *
     * @param line1 the first line, 30 characters
     * @param line2 the second line, 30 characters
     * @param line3 the third line, 30 characters
     * @return the fields
     * @throws InvalidIdentityDocumentException {@code INVALID_IDENTITY_DOCUMENT} (type
     *     {@link IdentityDocumentType#OTHER}) when a line is malformed or a check digit fails
     */
    public static MachineReadableZone readTd1(String line1, String line2, String line3) {
        IdentityDocumentType type = IdentityDocumentType.OTHER;
        require(type, TD1_LINE.matcher(Objects.requireNonNull(line1, "line1")).matches()
                && TD1_LINE.matcher(Objects.requireNonNull(line2, "line2")).matches()
                && TD1_LINE.matcher(Objects.requireNonNull(line3, "line3")).matches(), "format");
        // A document number longer than 9 characters continues in the optional data (Part 5, 4.2.2
        // note j); the only supported case here is the regular 9-character number.
        check(type, line1, 5, 14, 14, "documentNumber");
        check(type, line2, 0, 6, 6, "dateOfBirth");
        check(type, line2, 8, 14, 14, "dateOfExpiry");
        String composite = line1.substring(5, 30) + line2.substring(0, 7) + line2.substring(8, 15)
                + line2.substring(18, 29);
        require(type, isDigit(line2.charAt(29)) && checkDigit(composite) == line2.charAt(29) - '0', "composite");
        String[] names = names(line3);
        return new MachineReadableZone(strip(line1.substring(0, 2)), strip(line1.substring(2, 5)),
                strip(line1.substring(5, 14)), line2.substring(0, 6), line2.substring(7, 8),
                line2.substring(8, 14), strip(line2.substring(15, 18)), names[0], names[1]);
    }

    private static void check(IdentityDocumentType type, String line, int from, int to, int checkAt, String name) {
        char check = line.charAt(checkAt);
        require(type, isDigit(check) && checkDigit(line.substring(from, to)) == check - '0', name);
    }

    private static String[] names(String field) {
        int split = field.indexOf("<<");
        String primary = split < 0 ? field : field.substring(0, split);
        String secondary = split < 0 ? "" : field.substring(split + 2);
        return new String[] {primary.replace('<', ' ').trim(), secondary.replace('<', ' ').trim()};
    }

    private static String strip(String value) {
        return value.replace("<", "");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static void require(IdentityDocumentType type, boolean ok, String check) {
        if (!ok) {
            throw new InvalidIdentityDocumentException(type, check);
        }
    }
}
