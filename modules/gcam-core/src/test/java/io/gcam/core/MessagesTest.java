package io.gcam.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(DefaultLocaleExtension.class)
class MessagesTest {

    private static final String BUNDLE = CoreErrorCode.BUNDLE;

    @ParameterizedTest
    @ValueSource(strings = {"zh-MO", "zh-HK", "zh-TW", "zh-Hant", "zh"})
    void formatsInTraditionalChineseForChineseLocales(String tag) {
        assertThat(Messages.format(BUNDLE, "STORAGE_FAILURE", Locale.forLanguageTag(tag)))
                .isEqualTo("資料儲存暫時無法使用。請稍後再試。");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pt-MO", "pt-PT", "pt"})
    void formatsInPortugueseForPortugueseLocales(String tag) {
        assertThat(Messages.format(BUNDLE, "STORAGE_FAILURE", Locale.forLanguageTag(tag)))
                .isEqualTo("O armazenamento de dados não está disponível neste momento. Tente mais tarde.");
    }

    @Test
    void formatsInEnglishForFrenchAndRoot() {
        String english = "The data store is not available right now. Try again later.";
        assertThat(Messages.format(BUNDLE, "STORAGE_FAILURE", Locale.FRENCH)).isEqualTo(english);
        assertThat(Messages.format(BUNDLE, "STORAGE_FAILURE", Locale.ROOT)).isEqualTo(english);
    }

    @Test
    void ignoresAChineseOrGermanJvmDefaultLocale() {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        assertThat(Messages.format(BUNDLE, "ACCESS_DENIED", Locale.FRENCH, "x")).isEqualTo("You are not allowed to x.");
        assertThat(Messages.format(BUNDLE, "ACCESS_DENIED", Locale.ROOT, "x")).isEqualTo("You are not allowed to x.");
        assertThat(Messages.format(BUNDLE, "ACCESS_DENIED", Locale.forLanguageTag("pt-MO"), "x"))
                .isEqualTo("Não tem permissão para x.");

        Locale.setDefault(Locale.GERMAN);
        assertThat(Messages.format(BUNDLE, "ACCESS_DENIED", Locale.ENGLISH, "x")).isEqualTo("You are not allowed to x.");
        assertThat(Messages.format(BUNDLE, "ACCESS_DENIED", Locale.forLanguageTag("zh-MO"), "x")).isEqualTo("您無權x。");
    }

    @Test
    void substitutesArgumentsInTemplateOrder() {
        assertThat(Messages.format(BUNDLE, "NOT_FOUND", Locale.ENGLISH, "application", "A-1"))
                .isEqualTo("No application with id A-1 was found.");
        assertThat(Messages.format(BUNDLE, "NOT_FOUND", Locale.forLanguageTag("zh-MO"), "申請", "A-1"))
                .isEqualTo("找不到編號為 A-1 的申請。");
    }

    @Test
    void returnsTheKeyWhenNoBundleDefinesIt() {
        assertThat(Messages.format(BUNDLE, "NO_SUCH_KEY", Locale.ENGLISH)).isEqualTo("NO_SUCH_KEY");
        assertThat(Messages.format("io.gcam.core.no_such_bundle", "KEY", Locale.forLanguageTag("pt"))).isEqualTo("KEY");
    }

    @Test
    void fallsBackToEnglishForAKeyMissingFromATranslation() {
        // messages_fallback_test.properties defines ONLY_ENGLISH; the _pt and _zh_Hant variants do not.
        String bundle = "io.gcam.core.messages_fallback_test";
        assertThat(Messages.format(bundle, "ONLY_ENGLISH", Locale.forLanguageTag("pt-MO"))).isEqualTo("Only in English");
        assertThat(Messages.format(bundle, "ONLY_ENGLISH", Locale.forLanguageTag("zh-MO"))).isEqualTo("Only in English");
        assertThat(Messages.format(bundle, "TRANSLATED", Locale.forLanguageTag("pt-MO"))).isEqualTo("Traduzido");
    }

    @Test
    void unescapesDoubledApostrophesInTemplatesWithoutArguments() {
        String bundle = "io.gcam.core.messages_fallback_test";
        assertThat(Messages.format(bundle, "APOSTROPHE", Locale.ENGLISH)).isEqualTo("It's here");
        assertThat(Messages.format(bundle, "APOSTROPHE_WITH_ARGUMENT", Locale.ENGLISH, "x")).isEqualTo("It's x");
    }

    @Test
    void buildsALocalizedTextWithAllThreeLanguages() {
        LocalizedText text = Messages.text(BUNDLE, "ACCESS_DENIED", "x");
        assertThat(text.en()).isEqualTo("You are not allowed to x.");
        assertThat(text.zhHant()).isEqualTo("您無權x。");
        assertThat(text.pt()).isEqualTo("Não tem permissão para x.");
    }
}
