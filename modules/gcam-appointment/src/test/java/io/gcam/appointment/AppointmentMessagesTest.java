package io.gcam.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.core.GcamLocales;
import io.gcam.testsupport.i18n.ErrorCodeBundles;
import org.junit.jupiter.api.Test;

class AppointmentMessagesTest {

    @Test
    void everyErrorCodeHasAMessageInAllThreeLanguages() {
        ErrorCodeBundles.assertComplete(AppointmentErrorCode.class);
    }

    @Test
    void everyFieldMessageIsTranslated() {
        ErrorCodeBundles.assertBundleComplete(AppointmentErrorCode.class.getClassLoader(),
                "io.gcam.appointment.violations");
    }

    @Test
    void checkInMessageNamesTheWindowInEachLanguage() {
        AppointmentException e = new AppointmentException(AppointmentErrorCode.CHECK_IN_NOT_OPEN, 60, 15);
        assertThat(e.getMessage()).contains("60 minutes before").contains("15 minutes after");
        assertThat(e.localizedMessage(GcamLocales.TRADITIONAL_CHINESE)).contains("60 分鐘").contains("15 分鐘");
        assertThat(e.localizedMessage(GcamLocales.PORTUGUESE)).contains("60 minutos antes");
    }
}
