package io.gcam.notification;

import io.gcam.testsupport.i18n.ErrorCodeBundles;
import org.junit.jupiter.api.Test;

class NotificationErrorCodeTest {

    @Test
    void everyErrorCodeHasAMessageInEnglishChineseAndPortuguese() {
        ErrorCodeBundles.assertComplete(NotificationErrorCode.class);
    }
}
