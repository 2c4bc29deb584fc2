package io.gcam.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.core.GcamException;
import io.gcam.core.GcamLocales;
import io.gcam.testsupport.i18n.ErrorCodeBundles;
import org.junit.jupiter.api.Test;

class RecordsErrorCodeTest {

    @Test
    void hasAMessageForEveryCodeInEveryLanguage() {
        ErrorCodeBundles.assertComplete(RecordsErrorCode.class);
    }

    @Test
    void rendersTheReferenceInTheRequestedLanguage() {
        GcamException e = new GcamException(RecordsErrorCode.RECORD_CHECKED_OUT, "RM-2026-000001");
        assertThat(e.getMessage()).startsWith("Record RM-2026-000001 is checked out by someone else.");
        assertThat(e.localizedMessage(GcamLocales.TRADITIONAL_CHINESE)).startsWith("檔案 RM-2026-000001 已被他人取出編輯");
        assertThat(e.localizedMessage(GcamLocales.PORTUGUESE)).startsWith("O registo RM-2026-000001 está em edição");
    }
}
