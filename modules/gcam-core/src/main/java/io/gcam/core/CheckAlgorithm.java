package io.gcam.core;

import java.util.Objects;

/**
 * An ISO/IEC 7064 check character system, used to append check characters to reference numbers so
 * that typing errors are caught before a lookup.
 *
 * <p>Both systems work on a string of ASCII letters and digits. Letters are first replaced by their
 * two-digit values {@code A=10 ... Z=35} (case-insensitive), the conversion ISO 13616 (IBAN) uses
 * with MOD 97-10; the check is then computed over the resulting digit string. Any other character
 * is rejected: strip separators before calling.
 *
 * <table class="striped">
 *   <caption>Supported systems</caption>
 *   <thead><tr><th>system</th><th>check</th><th>catches</th><th>known from</th></tr></thead>
 *   <tbody>
 *     <tr><td>{@link #MOD_97_10}</td><td>two digits {@code 02}..{@code 98}</td>
 *         <td>every single-character substitution and every adjacent transposition, and most
 *         other errors</td><td>IBAN, LEI</td></tr>
 *     <tr><td>{@link #MOD_11_2}</td><td>one character {@code 0}..{@code 9} or {@code X}</td>
 *         <td>every single-digit substitution and every adjacent transposition of digits</td>
 *         <td>ISNI, ORCID, resident identity card numbers of mainland China</td></tr>
 *   </tbody>
 * </table>
 */
public enum CheckAlgorithm {

    /**
     * ISO/IEC 7064 MOD 97-10: two check digits {@code 98 - (n * 100 mod 97)}, written with a leading
     * zero, so that the number followed by its check digits is congruent to 1 modulo 97.
     */
    MOD_97_10(2) {
        @Override
        public String compute(String data) {
            requireData(data);
            int remainder = 0;
            for (int i = 0; i < data.length(); i++) {
                int value = valueOf(data, i);
                remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
            }
            int check = 98 - (remainder * 100) % 97;
            return check < 10 ? "0" + check : Integer.toString(check);
        }

        @Override
        boolean isCheckCharacters(String check) {
            return check.length() == 2 && isDigit(check.charAt(0)) && isDigit(check.charAt(1));
        }
    },

    /**
     * ISO/IEC 7064 MOD 11-2: one check character, a digit or {@code X} (for the value 10), computed
     * with the pure recursive method of the standard (weights are the powers of 2 modulo 11).
     */
    MOD_11_2(1) {
        @Override
        public String compute(String data) {
            requireData(data);
            int product = 0;
            for (int i = 0; i < data.length(); i++) {
                int value = valueOf(data, i);
                if (value >= 10) {
                    product = ((product + value / 10) * 2) % 11;
                    value %= 10;
                }
                product = ((product + value) * 2) % 11;
            }
            int check = (12 - product) % 11;
            return check == 10 ? "X" : Integer.toString(check);
        }

        @Override
        boolean isCheckCharacters(String check) {
            return check.length() == 1 && (isDigit(check.charAt(0)) || check.charAt(0) == 'X');
        }
    };

    private final int length;

    CheckAlgorithm(int length) {
        this.length = length;
    }

    /** The number of check characters this system appends: 2 for MOD 97-10, 1 for MOD 11-2. */
    public int length() {
        return length;
    }

    /**
     * Computes the check characters for {@code data}.
     *
     * @param data ASCII letters and digits, at least one character
     * @return the check characters, exactly {@link #length()} long (upper case {@code X} for MOD 11-2)
     * @throws IllegalArgumentException when {@code data} is empty or holds anything but ASCII letters
     *     and digits
     */
    public abstract String compute(String data);

    /**
     * Whether {@code dataWithCheck} ends with the correct check characters for the characters before
     * them. Only the canonical check characters are accepted (for MOD 97-10, {@code 02}..{@code 98};
     * the aliases {@code 00}, {@code 01} and {@code 99} are rejected as ISO 7064 requires).
     *
     * @param dataWithCheck the data followed by its check characters
     * @return whether the check characters are correct; {@code false} for a string that is too short
     *     or holds anything but ASCII letters and digits
     */
    public boolean isValid(String dataWithCheck) {
        Objects.requireNonNull(dataWithCheck, "dataWithCheck");
        if (dataWithCheck.length() <= length) {
            return false;
        }
        String data = dataWithCheck.substring(0, dataWithCheck.length() - length);
        String check = dataWithCheck.substring(dataWithCheck.length() - length);
        if (!isCheckCharacters(check) || !isAlphanumeric(data)) {
            return false;
        }
        return compute(data).equals(check);
    }

    /** Whether {@code check} has the shape of this system's check characters. */
    abstract boolean isCheckCharacters(String check);

    /** The value of the character at {@code index}: 0..9 for digits, 10..35 for letters. */
    static int valueOf(String data, int index) {
        char c = data.charAt(index);
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 10;
        }
        throw new IllegalArgumentException("check characters are computed over ASCII letters and digits only, found '"
                + (Character.isISOControl(c) ? "?" : String.valueOf(c)) + "' at position " + (index + 1));
    }

    static void requireData(String data) {
        Objects.requireNonNull(data, "data");
        if (data.isEmpty()) {
            throw new IllegalArgumentException("no characters to compute check characters over");
        }
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlphanumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
