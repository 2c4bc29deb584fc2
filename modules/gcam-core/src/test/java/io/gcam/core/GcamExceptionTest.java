package io.gcam.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(DefaultLocaleExtension.class)
class GcamExceptionTest {

    @Test
    void carriesItsCodeKindAndArguments() {
        GcamException e = new GcamException(CoreErrorCode.ACCESS_DENIED, "approve application");
        assertThat(e.code()).isEqualTo("ACCESS_DENIED");
        assertThat(e.errorCode()).isEqualTo(CoreErrorCode.ACCESS_DENIED);
        assertThat(e.kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
        assertThat(e.arguments()).containsExactly("approve application");
    }

    @Test
    void hasAnEnglishMessageWhateverTheJvmDefaultLocale() {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        assertThat(new GcamException(CoreErrorCode.ACCESS_DENIED, "approve application").getMessage())
                .isEqualTo("You are not allowed to approve application.");
        Locale.setDefault(Locale.GERMAN);
        assertThat(new AccessDeniedException("approve application").getMessage())
                .isEqualTo("You are not allowed to approve application.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-MO", "zh-HK", "zh-TW", "zh-Hant"})
    void localizesToTraditionalChinese(String tag) {
        GcamException e = new ConflictException("申請");
        assertThat(e.localizedMessage(Locale.forLanguageTag(tag))).isEqualTo("申請已被他人同時修改。請重新載入後再試。");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pt-MO", "pt-PT"})
    void localizesToPortuguese(String tag) {
        GcamException e = new GcamException(CoreErrorCode.STORAGE_FAILURE);
        assertThat(e.localizedMessage(Locale.forLanguageTag(tag)))
                .isEqualTo("O armazenamento de dados não está disponível neste momento. Tente mais tarde.");
    }

    @Test
    void localizesFrenchAndRootToEnglish() {
        GcamException e = new GcamException(CoreErrorCode.STORAGE_FAILURE);
        assertThat(e.localizedMessage(Locale.FRENCH)).isEqualTo(e.getMessage());
        assertThat(e.localizedMessage(Locale.ROOT)).isEqualTo(e.getMessage());
    }

    @Test
    void localizedMessageIgnoresTheJvmDefaultLocale() {
        GcamException e = new GcamException(CoreErrorCode.STORAGE_FAILURE);
        Locale.setDefault(Locale.forLanguageTag("zh-CN"));
        assertThat(e.localizedMessage(Locale.FRENCH)).isEqualTo("The data store is not available right now. Try again later.");
        Locale.setDefault(Locale.GERMAN);
        assertThat(e.localizedMessage(Locale.forLanguageTag("zh-MO"))).isEqualTo("資料儲存暫時無法使用。請稍後再試。");
    }

    @Test
    void keepsTheCause() {
        IllegalStateException cause = new IllegalStateException("boom");
        GcamException e = new GcamException(CoreErrorCode.STORAGE_FAILURE, cause);
        assertThat(e).hasCause(cause);
        assertThat(e.arguments()).isEmpty();
    }

    @Test
    void acceptsANullArgumentInsteadOfFailingWhileReportingAnError() {
        GcamException e = new NotFoundException("application", nullId());
        assertThat(e.getMessage()).isEqualTo("No application with id null was found.");
        assertThat(e.arguments()).containsExactly("application", "null");
    }

    @Test
    void doesNotGroupTheDigitsOfNumericIds() {
        NotFoundException e = new NotFoundException("application", 1234567L);
        assertThat(e.getMessage()).isEqualTo("No application with id 1234567 was found.");
        assertThat(e.localizedMessage(Locale.forLanguageTag("pt-MO"))).contains("1234567");
    }

    @Test
    void showsLocalizedTextArgumentsInTheLanguageOfTheMessage() {
        NotFoundException e = new NotFoundException(LocalizedText.of("application", "申請", "pedido"), "A-1");
        assertThat(e.getMessage()).isEqualTo("No application with id A-1 was found.");
        assertThat(e.localizedMessage(Locale.forLanguageTag("zh-MO"))).isEqualTo("找不到編號為 A-1 的申請。");
        assertThat(e.localizedMessage(Locale.forLanguageTag("pt-MO"))).contains("pedido").doesNotContain("application");
    }

    @Test
    void validationExceptionListsEveryFieldInTheRequestedLanguage() {
        ValidationException e = new ValidationException(List.of(
                new ValidationException.Violation("email", LocalizedText.of("is invalid", "無效", "é inválido")),
                new ValidationException.Violation("", LocalizedText.english("dates are reversed"))));
        assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo("The request is not valid: email: is invalid; dates are reversed");
        assertThat(e.localizedMessage(Locale.forLanguageTag("zh-MO"))).isEqualTo("請求內容無效：email: 無效; dates are reversed");
        assertThat(e.localizedMessage(Locale.forLanguageTag("pt-MO")))
                .isEqualTo("O pedido não é válido: email: é inválido; dates are reversed");
    }

    private static Object nullId() {
        Object id = null;
        return id;
    }
}
