package io.gcam.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(DefaultLocaleExtension.class)
class GcamLocalesTest {

    @ParameterizedTest
    @ValueSource(strings = {"zh", "zh-MO", "zh-HK", "zh-TW", "zh-Hant", "zh-Hant-MO", "zh-CN", "zh-Hans"})
    void resolvesEveryChineseLocaleToTraditionalChinese(String tag) {
        assertThat(GcamLocales.resolve(Locale.forLanguageTag(tag))).isEqualTo(GcamLocales.TRADITIONAL_CHINESE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pt", "pt-MO", "pt-PT", "pt-BR"})
    void resolvesEveryPortugueseLocaleToPortuguese(String tag) {
        assertThat(GcamLocales.resolve(Locale.forLanguageTag(tag))).isEqualTo(GcamLocales.PORTUGUESE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "en-GB", "fr", "de", "ja", "und"})
    void resolvesOtherLocalesToEnglish(String tag) {
        assertThat(GcamLocales.resolve(Locale.forLanguageTag(tag))).isEqualTo(GcamLocales.ENGLISH);
    }

    @Test
    void resolvesRootAndNullToEnglish() {
        assertThat(GcamLocales.resolve(Locale.ROOT)).isEqualTo(GcamLocales.ENGLISH);
        assertThat(GcamLocales.resolve((Locale) null)).isEqualTo(GcamLocales.ENGLISH);
    }

    @Test
    void ignoresTheJvmDefaultLocale() {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        assertThat(GcamLocales.resolve(Locale.FRENCH)).isEqualTo(GcamLocales.ENGLISH);
        assertThat(GcamLocales.resolve(Locale.ROOT)).isEqualTo(GcamLocales.ENGLISH);
        Locale.setDefault(Locale.GERMAN);
        assertThat(GcamLocales.resolve(Locale.forLanguageTag("zh-MO"))).isEqualTo(GcamLocales.TRADITIONAL_CHINESE);
    }

    @Test
    void picksTheFirstSupportedLanguageFromAPreferenceList() {
        List<Locale> preferences = List.of(Locale.FRENCH, Locale.forLanguageTag("pt-MO"), Locale.forLanguageTag("zh-MO"));
        assertThat(GcamLocales.resolve(preferences)).isEqualTo(GcamLocales.PORTUGUESE);
    }

    @Test
    void prefersEnglishWhenItIsListedBeforeOtherSupportedLanguages() {
        assertThat(GcamLocales.resolve(List.of(Locale.UK, Locale.forLanguageTag("zh-HK")))).isEqualTo(GcamLocales.ENGLISH);
    }

    @Test
    void fallsBackToEnglishWhenNoPreferenceIsSupported() {
        assertThat(GcamLocales.resolve(List.of(Locale.FRENCH, Locale.JAPANESE))).isEqualTo(GcamLocales.ENGLISH);
        assertThat(GcamLocales.resolve(List.of())).isEqualTo(GcamLocales.ENGLISH);
    }

    @Test
    void supportsExactlyEnglishTraditionalChineseAndPortugueseWithEnglishFirst() {
        assertThat(GcamLocales.SUPPORTED).containsExactly(
                Locale.ENGLISH, Locale.forLanguageTag("zh-Hant"), Locale.forLanguageTag("pt"));
    }
}
