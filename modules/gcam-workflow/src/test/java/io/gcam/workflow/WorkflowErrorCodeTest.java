package io.gcam.workflow;

import io.gcam.testsupport.i18n.ErrorCodeBundles;
import org.junit.jupiter.api.Test;

class WorkflowErrorCodeTest {

    @Test
    void everyCodeHasMessagesInEnglishChineseAndPortuguese() {
        ErrorCodeBundles.assertComplete(WorkflowErrorCode.class);
    }
}
