package io.gcam.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityDocumentsTest {

    // Hong Kong identity card. A123456(3) is the Immigration Department's sample number;
    // the others are worked with the published rule (weights 9..2, space = 36, A..Z = 10..35).
    @ParameterizedTest
    @CsvSource({"A123456(3), A1234563", "a123456 (3), A1234563", "G123456(A), G123456A",
            "AB987654(3), AB9876543", "XA123456(8), XA1234568"})
    void acceptsHongKongNumbersWithOneOrTwoLetterPrefixes(String typed, String normalized) {
        IdentityDocument document = IdentityDocuments.validate(IdentityDocumentType.HONG_KONG_IDENTITY_CARD, typed);
        assertThat(document.number()).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A123456(4)", "A123456(A)", "G123456(0)", "AB987654(4)", "A12345(6)", "ABC123456(7)",
            "1234567(8)", "A123456"})
    void rejectsHongKongNumbersWithWrongCheckOrFormat(String typed) {
        assertThat(IdentityDocuments.isValid(IdentityDocumentType.HONG_KONG_IDENTITY_CARD, typed)).isFalse();
    }

    @Test
    void computesHongKongCheckCharacter() {
        assertThat(IdentityDocuments.hongKongCheckCharacter("A123456")).isEqualTo('3');
        assertThat(IdentityDocuments.hongKongCheckCharacter("G123456")).isEqualTo('A');
    }

    // GB 11643-1999 gives 11010519491231002X and 440524188001010014 as examples.
    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "11010519491231002x", "440524188001010014"})
    void acceptsMainlandChinaNumbersFromTheStandard(String number) {
        assertThat(IdentityDocuments.validate(IdentityDocumentType.CHINA_RESIDENT_IDENTITY_CARD, number).number())
                .isEqualTo(number.toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    void refusalNamesTheDocumentInTheReadersLanguageAndNeverTheNumber() {
        assertThatThrownBy(() -> IdentityDocuments.validate(IdentityDocumentType.MACAU_RESIDENT_IDENTITY_CARD,
                "9234567(8)"))
                .isInstanceOfSatisfying(InvalidIdentityDocumentException.class, e -> {
                    assertThat(e.localizedMessage(io.gcam.core.GcamLocales.ENGLISH))
                            .startsWith("This Macao resident identity card number is not valid.");
                    assertThat(e.localizedMessage(io.gcam.core.GcamLocales.TRADITIONAL_CHINESE))
                            .startsWith("澳門居民身份證號碼無效。");
                    assertThat(e.localizedMessage(io.gcam.core.GcamLocales.PORTUGUESE))
                            .contains("bilhete de identidade de residente de Macau");
                    for (java.util.Locale locale : java.util.List.of(io.gcam.core.GcamLocales.ENGLISH,
                            io.gcam.core.GcamLocales.TRADITIONAL_CHINESE, io.gcam.core.GcamLocales.PORTUGUESE)) {
                        assertThat(e.localizedMessage(locale)).doesNotContain("MACAU_RESIDENT", "9234567");
                    }
                });
    }

    @Test
    void rejectsMainlandChinaNumberWithWrongCheckCharacter() {
        assertThatThrownBy(() -> IdentityDocuments.validate(IdentityDocumentType.CHINA_RESIDENT_IDENTITY_CARD,
                "110105194912310021"))
                .isInstanceOfSatisfying(InvalidIdentityDocumentException.class,
                        e -> assertThat(e.failedCheck()).isEqualTo("checkDigit"));
    }

    @Test
    void rejectsMainlandChinaNumberWithImpossibleBirthDate() {
        // 1949-02-30 does not exist; the check character is made valid so only the date can fail.
        String data = "11010519490230002";
        String number = data + io.gcam.core.CheckAlgorithm.MOD_11_2.compute(data);
        assertThatThrownBy(() -> IdentityDocuments.validate(IdentityDocumentType.CHINA_RESIDENT_IDENTITY_CARD, number))
                .isInstanceOfSatisfying(InvalidIdentityDocumentException.class, e -> {
                    assertThat(e.failedCheck()).isEqualTo("dateOfBirth");
                    assertThat(e.getMessage()).doesNotContain(data);
                });
    }

    @ParameterizedTest
    @CsvSource({"1/234567/8, 12345678", "5234567(8), 52345678", "7/000000/0, 70000000"})
    void acceptsMacauNumbersByFormatOnly(String typed, String normalized) {
        assertThat(IdentityDocuments.validate(IdentityDocumentType.MACAU_RESIDENT_IDENTITY_CARD, typed).number())
                .isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2/234567/8", "1/23456/8", "1/2345678/9", "A/234567/8"})
    void rejectsMacauNumbersOutsideTheFormat(String typed) {
        assertThat(IdentityDocuments.isValid(IdentityDocumentType.MACAU_RESIDENT_IDENTITY_CARD, typed)).isFalse();
    }
}
