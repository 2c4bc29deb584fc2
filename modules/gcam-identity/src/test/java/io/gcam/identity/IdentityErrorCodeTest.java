package io.gcam.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.testsupport.i18n.ErrorCodeBundles;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class IdentityErrorCodeTest {

    @Test
    void everyCodeHasMessagesInEnglishChineseAndPortuguese() {
        ErrorCodeBundles.assertComplete(IdentityErrorCode.class);
    }

    @Test
    void insufficientAssuranceNamesTheStepUpLevelInEveryLanguage() {
        InsufficientAssuranceException e = new InsufficientAssuranceException(AssuranceLevel.HIGH, AssuranceLevel.LOW);
        assertThat(e.code()).isEqualTo("INSUFFICIENT_ASSURANCE");
        assertThat(e.getMessage()).contains("level HIGH").contains("you have LOW");
        assertThat(e.localizedMessage(Locale.forLanguageTag("zh-Hant"))).contains("HIGH 級別");
        assertThat(e.localizedMessage(Locale.forLanguageTag("pt"))).contains("nível HIGH");
    }
}
