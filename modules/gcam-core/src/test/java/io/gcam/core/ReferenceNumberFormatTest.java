package io.gcam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceNumberFormatTest {

    private static final ZonedDateTime MARCH_2026 = ZonedDateTime.of(2026, 3, 7, 9, 5, 4, 0, ZoneId.of("Asia/Macau"));

    @Test
    void rendersLiteralTextDateSequenceAndMod97CheckDigits() {
        ReferenceNumberFormat format = ReferenceNumberFormat.of("REC-[cy:yyyy]-[SEQ:6]-[CHK]");

        String number = format.render(MARCH_2026, 1);

        assertThat(number).startsWith("REC-2026-000001-");
        // independent oracle: letters as A=10..Z=35, then 98 - (n * 100 mod 97)
        BigInteger n = new BigInteger("271412" + "2026000001");
        int expected = 98 - n.multiply(BigInteger.valueOf(100)).mod(BigInteger.valueOf(97)).intValue();
        assertThat(number).isEqualTo("REC-2026-000001-" + String.format("%02d", expected));
        assertThat(format.checkAlgorithm()).contains(CheckAlgorithm.MOD_97_10);
        assertThat(format.sequenceWidth()).isEqualTo(6);
    }

    @Test
    void rendersTheDocumentedExample() {
        assertThat(ReferenceNumberFormat.of("REC-[cy:yyyy]-[SEQ:6]-[CHK]").render(MARCH_2026, 42))
                .isEqualTo("REC-2026-000042-78");
    }

    @Test
    void rendersEveryDateFieldWithFixedWidth() {
        ReferenceNumberFormat format = ReferenceNumberFormat.of("[cy:yyyyMMdd]/[cy:yy.DDD]/[cy:HH:mm:ss]/[cy:uuuu-uu]/[SEQ]");

        assertThat(format.render(MARCH_2026, 42)).isEqualTo("20260307/26.066/09:05:04/2026-26/42");
        assertThat(format.dateParts(MARCH_2026)).containsExactly("20260307", "26.066", "09:05:04", "2026-26");
        assertThat(format.isValid("20260307/26.066/09:05:04/2026-26/42")).isTrue();
    }

    @Test
    void padsTheSequenceToItsWidth() {
        ReferenceNumberFormat format = ReferenceNumberFormat.of("A[SEQ:4]");

        assertThat(format.render(MARCH_2026, 7)).isEqualTo("A0007");
        assertThat(format.render(MARCH_2026, 9999)).isEqualTo("A9999");
    }

    @Test
    void growsTheSequencePastItsWidthInsteadOfWrapping() {
        ReferenceNumberFormat format = ReferenceNumberFormat.of("A-[SEQ:3]-[CHK]");

        String n999 = format.render(MARCH_2026, 999);
        String n1000 = format.render(MARCH_2026, 1000);
        String huge = format.render(MARCH_2026, Long.MAX_VALUE);

        assertThat(n999).startsWith("A-999-");
        assertThat(n1000).startsWith("A-1000-");
        assertThat(huge).startsWith("A-" + Long.MAX_VALUE + "-");
        assertThat(List.of(n999, n1000, huge)).allMatch(format::isValid);
    }

    @Test
    void acceptsOnlyTheCanonicalFormOfTheSequence() {
        ReferenceNumberFormat format = ReferenceNumberFormat.of("A-[SEQ:3]");

        assertThat(format.isValid("A-001")).isTrue();
        assertThat(format.isValid("A-1000")).isTrue();
        assertThat(format.isValid("A-01")).as("shorter than the width").isFalse();
        assertThat(format.isValid("A-0001")).as("padded beyond the width").isFalse();
        assertThat(format.isValid("A-000")).as("sequences start at 1").isFalse();
        assertThat(format.isValid("A-99999999999999999999")).as("beyond a long").isFalse();
    }

    @Test
    void refusesToRenderASequenceBelowOne() {
        ReferenceNumberFormat format = ReferenceNumberFormat.of("A-[SEQ:3]");

        assertThatThrownBy(() -> format.render(MARCH_2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rendersMod11_2CheckCharacterIncludingX() {
        ReferenceNumberFormat format = ReferenceNumberFormat.of("[SEQ:17][CHK]", CheckAlgorithm.MOD_11_2);

        // the body of the sample resident identity card number of GB 11643-1999
        assertThat(format.render(MARCH_2026, 11010519491231002L)).isEqualTo("11010519491231002X");
        assertThat(format.isValid("11010519491231002X")).isTrue();
        assertThat(format.isValid("110105194912310020")).isFalse();
    }

    @Test
    void computesTheCheckOverLettersAndDigitsOnly() {
        ReferenceNumberFormat withSeparators = ReferenceNumberFormat.of("AB-[SEQ:2]/[CHK]");
        ReferenceNumberFormat without = ReferenceNumberFormat.of("AB[SEQ:2][CHK]");

        String a = withSeparators.render(MARCH_2026, 5);
        String b = without.render(MARCH_2026, 5);

        assertThat(a.substring(a.length() - 2)).isEqualTo(b.substring(b.length() - 2))
                .isEqualTo(CheckAlgorithm.MOD_97_10.compute("AB05"));
    }

    @Test
    void rejectsEverySingleChangedDigitAndAdjacentTransposition() {
        ReferenceNumberFormat format = ReferenceNumberFormat.of("REC-[cy:yyyy]-[SEQ:6]-[CHK]");
        String number = format.render(MARCH_2026, 4827);
        assertThat(format.isValid(number)).isTrue();

        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (Character.isDigit(c)) {
                for (char d = '0'; d <= '9'; d++) {
                    if (d != c) {
                        String changed = number.substring(0, i) + d + number.substring(i + 1);
                        assertThat(format.isValid(changed)).as(changed).isFalse();
                    }
                }
            }
            if (i + 1 < number.length() && c != number.charAt(i + 1)) {
                String swapped = number.substring(0, i) + number.charAt(i + 1) + c + number.substring(i + 2);
                assertThat(format.isValid(swapped)).as(swapped).isFalse();
            }
        }
    }

    @Test
    void saysWhyANumberIsInvalid() {
        ReferenceNumberFormat format = ReferenceNumberFormat.of("REC-[cy:yyyyMMdd]-[SEQ:4]-[CHK]");
        String valid = format.render(MARCH_2026, 12);
        String wrongCheck = valid.substring(0, valid.length() - 1) + (valid.endsWith("0") ? "1" : "0");
        String badMonth = "REC-20261307-0012-" + CheckAlgorithm.MOD_97_10.compute("REC202613070012");

        format.validate(valid);
        assertThat(reason(format, "REC-2026-0012-00")).isEqualTo(InvalidReferenceNumberException.Reason.MALFORMED);
        assertThat(reason(format, valid + " ")).isEqualTo(InvalidReferenceNumberException.Reason.MALFORMED);
        assertThat(reason(format, valid.toLowerCase(java.util.Locale.ROOT))).isEqualTo(InvalidReferenceNumberException.Reason.MALFORMED);
        assertThat(reason(format, badMonth)).isEqualTo(InvalidReferenceNumberException.Reason.INVALID_DATE);
        assertThat(reason(format, wrongCheck)).isEqualTo(InvalidReferenceNumberException.Reason.WRONG_CHECK_CHARACTERS);
    }

    @ParameterizedTest
    @CsvSource({
        "20240229-0001, true",
        "20250229-0001, false",
        "20260230-0001, false",
        "20260431-0001, false",
        "20260100-0001, false",
        "20261231-0001, true"})
    void acceptsOnlyRealDates(String number, boolean valid) {
        ReferenceNumberFormat format = ReferenceNumberFormat.of("[cy:yyyyMMdd]-[SEQ:4]");

        assertThat(format.isValid(number)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-366-1, false",
        "2024-366-1, true",
        "2026-000-1, false"})
    void acceptsOnlyRealDaysOfTheYear(String number, boolean valid) {
        ReferenceNumberFormat format = ReferenceNumberFormat.of("[cy:yyyy-DDD]-[SEQ]");

        assertThat(format.isValid(number)).isEqualTo(valid);
    }

    @Test
    void rejectsDatePartsThatContradictEachOther() {
        ReferenceNumberFormat format = ReferenceNumberFormat.of("[cy:yyyy]-[cy:yyyyMM]-[SEQ]");

        assertThat(format.isValid("2026-202603-1")).isTrue();
        assertThat(format.isValid("2026-202503-1")).isFalse();
    }

    @Test
    void reportsInvalidNumbersWithACodeAndTrilingualMessages() {
        ReferenceNumberFormat format = ReferenceNumberFormat.of("REC-[SEQ:6]-[CHK]");

        InvalidReferenceNumberException e = catchThrowableOfType(
                () -> format.validate("REC-000001-00"), InvalidReferenceNumberException.class);

        assertThat(e.code()).isEqualTo("INVALID_REFERENCE_NUMBER");
        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo("The reference number REC-000001-00 is not valid: its check characters"
                + " do not match. A character was probably mistyped or swapped.");
        assertThat(e.localizedMessage(GcamLocales.TRADITIONAL_CHINESE)).isEqualTo("編號 REC-000001-00 無效：檢查碼不符。可能有字元輸入錯誤或次序顛倒。");
        assertThat(e.localizedMessage(GcamLocales.PORTUGUESE)).startsWith("O número de referência REC-000001-00 não é válido: os caracteres de controlo");
    }

    @Test
    void shortensAndCleansTheRejectedTextInTheMessage() {
        ReferenceNumberFormat format = ReferenceNumberFormat.of("REC-[SEQ:6]");

        InvalidReferenceNumberException e = catchThrowableOfType(
                () -> format.validate("X\nY".repeat(100)), InvalidReferenceNumberException.class);

        assertThat(e.getMessage()).doesNotContain("\n").contains("X?YX?Y").contains("...");
        assertThat(e.arguments().get(0).toString()).hasSize(64 + 3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"                        | it is empty",
        "REC-[SEQ:6               | the '[' at position 5 is never closed",
        "REC]-[SEQ:6]             | the ']' at position 4 has no matching '['",
        "REC-[cy:yyyy]            | it has no [SEQ:n] token",
        "[SEQ:6]-[SEQ:3]          | it has more than one [SEQ] token",
        "[SEQ:0]                  | needs a width from 1 to 19",
        "[SEQ:20]                 | needs a width from 1 to 19",
        "[SEQ:x]                  | needs a width from 1 to 19",
        "[SEQ:]                   | needs a width from 1 to 19",
        "[CHK]-[SEQ:6]            | [CHK] must be the last token",
        "[SEQ:6][CHK][CHK]        | it has more than one [CHK] token",
        "[seq:6]                  | the token [seq:6] at position 1 is unknown",
        "A-[SEQ:6]-[FOO]          | the token [FOO] at position 11 is unknown",
        "REC [SEQ:6]              | the character ' ' at position 4 is not allowed",
        "申[SEQ:6]                | the character U+7533 at position 1 is not allowed",
        "[cy:MMM]-[SEQ:6]         | uses 'MMM'",
        "[cy:yyyyM]-[SEQ:6]       | uses 'M'",
        "[cy:yyy]-[SEQ:6]         | uses 'yyy'",
        "[cy:EEE]-[SEQ:6]         | uses 'EEE'",
        "[cy:yyyy'T']-[SEQ:6]     | uses '''",
        "[cy:]-[SEQ:6]            | has no pattern",
        "[cy:--]-[SEQ:6]          | has no date field",
        "[SEQ:[6]]                | opens a token inside a token"})
    void rejectsInvalidPatternsWithAClearCodedError(String pattern, String problem) {
        assertThatThrownBy(() -> ReferenceNumberFormat.of(pattern))
                .isInstanceOfSatisfying(GcamException.class, e -> {
                    assertThat(e.code()).isEqualTo("CONFIGURATION_INVALID");
                    assertThat(e.getMessage())
                            .startsWith("GCAM is not configured correctly: reference number format '" + pattern + "' is invalid: ")
                            .contains(problem);
                });
    }

    @Test
    void rejectsACheckAlgorithmForAPatternWithoutCheckToken() {
        assertThatThrownBy(() -> ReferenceNumberFormat.of("A-[SEQ:6]", CheckAlgorithm.MOD_11_2))
                .isInstanceOfSatisfying(GcamException.class, e -> {
                    assertThat(e.code()).isEqualTo("CONFIGURATION_INVALID");
                    assertThat(e.getMessage()).contains("a check algorithm (MOD_11_2) is set but the format has no [CHK] token");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"REC-[cy:yyyy]-[SEQ:6]-[CHK]", "[SEQ]", "A_b.c/d:1-[SEQ:19]", "[cy:yyyyMMddHHmmss][SEQ:2][CHK]"})
    void roundTripsEveryRenderedNumber(String pattern) {
        ReferenceNumberFormat format = ReferenceNumberFormat.of(pattern);

        for (long sequence : new long[] {1, 9, 10, 99, 100, 12345, 999_999, 1_000_000, Long.MAX_VALUE}) {
            String number = format.render(MARCH_2026, sequence);
            assertThat(format.isValid(number)).as(number).isTrue();
            ReferenceNumberFormat.Parts parts = format.read(number);
            assertThat(parts.sequence()).isEqualTo(sequence);
            assertThat(parts.dateParts()).isEqualTo(format.dateParts(MARCH_2026));
        }
    }

    private static InvalidReferenceNumberException.Reason reason(ReferenceNumberFormat format, String candidate) {
        assertThat(format.isValid(candidate)).isFalse();
        return catchThrowableOfType(() -> format.validate(candidate), InvalidReferenceNumberException.class).reason();
    }
}
