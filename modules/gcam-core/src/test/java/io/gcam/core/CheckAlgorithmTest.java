package io.gcam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CheckAlgorithmTest {

    @Test
    void computesTheIso7064ExampleForMod97_10() {
        // ISO/IEC 7064, MOD 97-10 example: 794 -> 79444
        assertThat(CheckAlgorithm.MOD_97_10.compute("794")).isEqualTo("44");
        assertThat(CheckAlgorithm.MOD_97_10.isValid("79444")).isTrue();
    }

    @Test
    void computesTheIso7064ExampleForMod11_2() {
        // ISO/IEC 7064, MOD 11-2 example: 079 -> 079X
        assertThat(CheckAlgorithm.MOD_11_2.compute("079")).isEqualTo("X");
        assertThat(CheckAlgorithm.MOD_11_2.isValid("079X")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GB82WEST12345698765432",
        "DE89370400440532013000",
        "FR1420041010050500013M02606",
        "NL91ABNA0417164300",
        "PT50000201231234567890154",
        "BE68539007547034",
        "CH9300762011623852957"})
    void validatesPublishedIbanExamples(String iban) {
        // ISO 13616: move country code and check digits to the end, then MOD 97-10 must hold
        assertThat(CheckAlgorithm.MOD_97_10.isValid(rearranged(iban))).isTrue();
        // and computing the check digits over BBAN + country code gives the IBAN's own
        assertThat(CheckAlgorithm.MOD_97_10.compute(iban.substring(4) + iban.substring(0, 2)))
                .isEqualTo(iban.substring(2, 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GB82WEST12345698765431", // last digit changed
        "GB82WEST12345698765423", // last two digits swapped
        "GB28WEST12345698765432", // check digits swapped
        "DE89370400440532013001"})
    void rejectsAlteredIbans(String iban) {
        assertThat(CheckAlgorithm.MOD_97_10.isValid(rearranged(iban))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "11010519491231002X", // example resident identity card number of GB 11643-1999
        "000000012281955X", // ISNI of ISO 27729 examples
        "0000000218250097", // ORCID 0000-0002-1825-0097
        "000000021694233X"}) // ORCID 0000-0002-1694-233X
    void validatesPublishedMod11_2Examples(String number) {
        assertThat(CheckAlgorithm.MOD_11_2.isValid(number)).isTrue();
        assertThat(CheckAlgorithm.MOD_11_2.compute(number.substring(0, number.length() - 1)))
                .isEqualTo(number.substring(number.length() - 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"110105194912310020", "11010519491231003X", "11010519492131002X", "11010519491231002x"})
    void rejectsAlteredResidentIdentityNumbers(String number) {
        assertThat(CheckAlgorithm.MOD_11_2.isValid(number)).isFalse();
    }

    @Test
    void rejectsNonCanonicalCheckDigitAliases() {
        // data with check 02: its alias 99 satisfies "mod 97 == 1" but must be refused
        String data = null;
        for (int i = 1; data == null; i++) {
            if (CheckAlgorithm.MOD_97_10.compute(Integer.toString(i)).equals("02")) {
                data = Integer.toString(i);
            }
        }
        assertThat(CheckAlgorithm.MOD_97_10.isValid(data + "02")).isTrue();
        assertThat(new java.math.BigInteger(data + "99").mod(java.math.BigInteger.valueOf(97)).intValue()).isEqualTo(1);
        assertThat(CheckAlgorithm.MOD_97_10.isValid(data + "99")).isFalse();
    }

    @Test
    void treatsLettersCaseInsensitivelyAsTheirIsoValues() {
        assertThat(CheckAlgorithm.MOD_97_10.compute("ab12")).isEqualTo(CheckAlgorithm.MOD_97_10.compute("AB12"));
        // A=10, B=11: same as the digit string 101112
        assertThat(CheckAlgorithm.MOD_97_10.compute("AB12")).isEqualTo(CheckAlgorithm.MOD_97_10.compute("101112"));
        assertThat(CheckAlgorithm.MOD_11_2.compute("AB12")).isEqualTo(CheckAlgorithm.MOD_11_2.compute("101112"));
    }

    @Test
    void refusesToComputeOverSeparatorsOrNothing() {
        assertThatThrownBy(() -> CheckAlgorithm.MOD_97_10.compute("12-34"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'-' at position 3");
        assertThatThrownBy(() -> CheckAlgorithm.MOD_11_2.compute(""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CheckAlgorithm.MOD_97_10.isValid("12-3444")).isFalse();
        assertThat(CheckAlgorithm.MOD_97_10.isValid("44")).isFalse();
    }

    @Test
    void detectsEverySingleSubstitutionAndAdjacentTransposition() {
        String data = "2026000137";
        for (CheckAlgorithm algorithm : CheckAlgorithm.values()) {
            String number = data + algorithm.compute(data);
            assertThat(algorithm.isValid(number)).isTrue();
            for (int i = 0; i < data.length(); i++) {
                for (char d = '0'; d <= '9'; d++) {
                    if (d != number.charAt(i)) {
                        String changed = number.substring(0, i) + d + number.substring(i + 1);
                        assertThat(algorithm.isValid(changed)).as("%s %s", algorithm, changed).isFalse();
                    }
                }
                if (i + 1 < number.length() && number.charAt(i) != number.charAt(i + 1)) {
                    String swapped = number.substring(0, i) + number.charAt(i + 1) + number.charAt(i) + number.substring(i + 2);
                    assertThat(algorithm.isValid(swapped)).as("%s %s", algorithm, swapped).isFalse();
                }
            }
        }
    }

    private static String rearranged(String iban) {
        return iban.substring(4) + iban.substring(0, 4);
    }
}
