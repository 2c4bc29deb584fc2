package io.gcam.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.core.GcamLocales;
import io.gcam.testsupport.i18n.ErrorCodeBundles;
import org.junit.jupiter.api.Test;

class CatalogMessagesTest {

    @Test
    void everyErrorCodeHasAMessageInAllThreeLanguages() {
        ErrorCodeBundles.assertComplete(CatalogErrorCode.class);
    }

    @Test
    void agencyUnavailableNamesTheAgencyInEachLanguage() {
        CatalogException e = new CatalogException(CatalogErrorCode.AGENCY_UNAVAILABLE, "DSAL");
        assertThat(e.getMessage()).contains("DSAL").contains("Try again later");
        assertThat(e.localizedMessage(GcamLocales.TRADITIONAL_CHINESE)).contains("DSAL").contains("請稍後再試");
        assertThat(e.localizedMessage(GcamLocales.PORTUGUESE)).contains("DSAL").contains("Tente mais tarde");
    }
}
