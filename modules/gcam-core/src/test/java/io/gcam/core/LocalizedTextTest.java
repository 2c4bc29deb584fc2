package io.gcam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DefaultLocaleExtension.class)
class LocalizedTextTest {

    private final LocalizedText text = LocalizedText.of("Submitted", "已提交", "Submetido");

    @Test
    void picksTheTranslationForTheRequestedLanguage() {
        assertThat(text.in(Locale.forLanguageTag("zh-MO"))).isEqualTo("已提交");
        assertThat(text.in(Locale.forLanguageTag("zh-Hant"))).isEqualTo("已提交");
        assertThat(text.in(Locale.forLanguageTag("pt-MO"))).isEqualTo("Submetido");
        assertThat(text.in(Locale.forLanguageTag("pt-PT"))).isEqualTo("Submetido");
        assertThat(text.in(Locale.ENGLISH)).isEqualTo("Submitted");
    }

    @Test
    void givesEnglishToUnsupportedRootAndNullLocales() {
        assertThat(text.in(Locale.FRENCH)).isEqualTo("Submitted");
        assertThat(text.in(Locale.ROOT)).isEqualTo("Submitted");
        assertThat(text.in(null)).isEqualTo("Submitted");
    }

    @Test
    void fallsBackToEnglishWhenATranslationIsMissing() {
        LocalizedText onlyChinese = LocalizedText.of("Submitted", "已提交", null);
        assertThat(onlyChinese.in(Locale.forLanguageTag("pt-MO"))).isEqualTo("Submitted");
        LocalizedText english = LocalizedText.english("Submitted");
        assertThat(english.in(Locale.forLanguageTag("zh-MO"))).isEqualTo("Submitted");
        assertThat(english.zhHant()).isNull();
        assertThat(english.pt()).isNull();
    }

    @Test
    void treatsBlankTranslationsAsMissing() {
        LocalizedText blank = LocalizedText.of("Submitted", "  ", "");
        assertThat(blank.zhHant()).isNull();
        assertThat(blank.pt()).isNull();
        assertThat(blank.in(Locale.forLanguageTag("zh-MO"))).isEqualTo("Submitted");
        assertThat(blank).isEqualTo(LocalizedText.english("Submitted"));
    }

    @Test
    void rejectsAMissingOrBlankEnglishText() {
        assertThatThrownBy(() -> LocalizedText.of(" ", "已提交", "Submetido"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ignoresTheJvmDefaultLocale() {
        Locale.setDefault(Locale.TRADITIONAL_CHINESE);
        assertThat(text.in(Locale.FRENCH)).isEqualTo("Submitted");
        Locale.setDefault(Locale.forLanguageTag("pt-BR"));
        assertThat(text.in(Locale.ROOT)).isEqualTo("Submitted");
    }
}
