package io.gcam.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.core.GcamLocales;
import io.gcam.testsupport.i18n.ErrorCodeBundles;
import org.junit.jupiter.api.Test;

class DocumentErrorCodeTest {

    @Test
    void hasAMessageForEveryCodeInEveryLanguage() {
        ErrorCodeBundles.assertComplete(DocumentErrorCode.class);
    }

    @Test
    void rendersArgumentsInTheRequestedLanguage() {
        DocumentRejectedException e = new DocumentRejectedException(DocumentErrorCode.DOCUMENT_TOO_MANY, 3, "cv");
        assertThat(e.getMessage()).isEqualTo("At most 3 documents of type cv are accepted. Remove one before uploading another.");
        assertThat(e.localizedMessage(GcamLocales.TRADITIONAL_CHINESE)).startsWith("cv 類型的文件最多接受 3 份");
    }
}
