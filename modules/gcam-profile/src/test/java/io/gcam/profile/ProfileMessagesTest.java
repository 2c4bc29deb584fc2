package io.gcam.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.testsupport.i18n.ErrorCodeBundles;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProfileMessagesTest {

    @Test
    void everyErrorCodeHasAMessageInEveryLanguage() {
        ErrorCodeBundles.assertComplete(ProfileErrorCode.class);
    }

    @Test
    void everyFieldHasALabelInEveryLanguage() {
        ErrorCodeBundles.assertBundleComplete(ProfileField.class.getClassLoader(), ProfileField.LABELS);
        for (ProfileField field : ProfileField.values()) {
            assertThat(field.label().en()).isNotEqualTo(field.name());
            assertThat(field.label().zhHant()).isNotEqualTo(field.label().en());
            assertThat(field.label().pt()).isNotEqualTo(field.label().en());
        }
    }

    @Test
    void constraintMessagesExistInAllThreeLanguagesWithTheSameKeys() throws Exception {
        Properties en = load("ContributorValidationMessages_en.properties");
        Properties zh = load("ContributorValidationMessages_zh_Hant.properties");
        Properties pt = load("ContributorValidationMessages_pt.properties");
        assertThat(en.stringPropertyNames()).isNotEmpty().allMatch(k -> k.startsWith("io.gcam.profile."));
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        assertThat(pt.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    }

    private static Properties load(String name) throws Exception {
        // Several jars contribute files of this name: read gcam-profile's own.
        Properties properties = new Properties();
        java.net.URL url = java.util.Collections.list(ProfileField.class.getClassLoader().getResources(name)).stream()
                .filter(u -> u.toString().contains("gcam-profile")).findFirst().orElseThrow();
        try (InputStream in = url.openStream()) {
            properties.load(in);
        }
        return properties;
    }
}
