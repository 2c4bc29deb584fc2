package io.gcam.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.core.GcamLocales;
import io.gcam.testsupport.i18n.ErrorCodeBundles;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrationMessagesTest {

    @Test
    void everyErrorCodeHasAMessageInAllThreeLanguages() {
        ErrorCodeBundles.assertComplete(RegistrationErrorCode.class);
    }

    @Test
    void everyFieldAndEligibilityMessageIsTranslated() {
        ErrorCodeBundles.assertBundleComplete(RegistrationErrorCode.class.getClassLoader(),
                "io.gcam.registration.violations");
    }

    @Test
    void notEligibleMessageListsTheReasonsInTheRequestedLanguage() {
        NotEligibleException e = new NotEligibleException(List.of(EligibilityRules.applicantUnknown()));
        assertThat(e.code()).isEqualTo("NOT_ELIGIBLE");
        assertThat(e.getMessage()).contains("complete your profile first");
        assertThat(e.localizedMessage(GcamLocales.TRADITIONAL_CHINESE)).contains("您不符合").contains("請先完善個人資料");
        assertThat(e.localizedMessage(GcamLocales.PORTUGUESE)).contains("Não reúne").contains("complete primeiro");
    }
}
