package io.gcam.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.GcamException;
import io.gcam.core.GcamLocales;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationTemplateTest {

    static final NotificationTemplate RECEIVED = NotificationTemplate.builder("registration-received")
            .version(3)
            .email(GcamLocales.ENGLISH, "Registration ((reference)) received",
                    "Dear ((name)),\nwe received your registration ((reference)).",
                    "<p>Dear ((name)),</p><p>we received your registration <b>((reference))</b>.</p>")
            .email(GcamLocales.TRADITIONAL_CHINESE, "報名 ((reference)) 已收到",
                    "((name)) 您好：\n我們已收到您的報名 ((reference))。", "<p>((name)) 您好：</p>")
            .email(GcamLocales.PORTUGUESE, "Inscrição ((reference)) recebida",
                    "Caro(a) ((name)),\nrecebemos a sua inscrição ((reference)).", null)
            .sms(GcamLocales.ENGLISH, "Registration ((reference)) received.")
            .build();

    @Test
    void rendersTheVariantOfTheRequestedLanguage() {
        RenderedMessage zh = RECEIVED.render(Channel.EMAIL, Locale.forLanguageTag("zh-TW"),
                Map.of("name", "陳大文", "reference", "REG-1"));
        RenderedMessage pt = RECEIVED.render(Channel.EMAIL, GcamLocales.PORTUGUESE,
                Map.of("name", "Ana", "reference", "REG-2"));

        assertThat(zh.locale()).isEqualTo(GcamLocales.TRADITIONAL_CHINESE);
        assertThat(zh.subject()).isEqualTo("報名 REG-1 已收到");
        assertThat(zh.text()).isEqualTo("陳大文 您好：\n我們已收到您的報名 REG-1。");
        assertThat(zh.templateVersion()).isEqualTo(3);
        assertThat(pt.subject()).isEqualTo("Inscrição REG-2 recebida");
        assertThat(pt.html()).isNull();
    }

    @Test
    void fallsBackToEnglishWhenTheLanguageHasNoVariant() {
        RenderedMessage sms = RECEIVED.render(Channel.SMS, GcamLocales.PORTUGUESE, Map.of("reference", "REG-3"));

        assertThat(sms.locale()).isEqualTo(GcamLocales.ENGLISH);
        assertThat(sms.text()).isEqualTo("Registration REG-3 received.");
    }

    @Test
    void rejectsASendWhenAPlaceholderHasNoValue() {
        assertThatThrownBy(() -> RECEIVED.render(Channel.EMAIL, GcamLocales.ENGLISH, Map.of("reference", "REG-4")))
                .isInstanceOf(GcamException.class)
                .satisfies(e -> {
                    assertThat(((GcamException) e).errorCode()).isEqualTo(NotificationErrorCode.PLACEHOLDER_VALUE_MISSING);
                    assertThat(e.getMessage()).contains("name").doesNotContain("reference,");
                });
    }

    @Test
    void escapesValuesInTheHtmlBodyButNotInTheText() {
        RenderedMessage m = RECEIVED.render(Channel.EMAIL, GcamLocales.ENGLISH,
                Map.of("name", "<script>alert('x')</script> & Co", "reference", "R\"1"));

        assertThat(m.html()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co")
                .contains("<b>R&quot;1</b>")
                .doesNotContain("<script>");
        assertThat(m.text()).contains("<script>alert('x')</script> & Co");
    }

    @Test
    void rejectsALineBreakInTheSubject() {
        assertThatThrownBy(() -> RECEIVED.render(Channel.EMAIL, GcamLocales.ENGLISH,
                Map.of("name", "x", "reference", "R1\r\nBcc: victim@example.org")))
                .isInstanceOf(GcamException.class)
                .extracting(e -> ((GcamException) e).errorCode())
                .isEqualTo(NotificationErrorCode.HEADER_LINE_BREAK);
    }

    @Test
    void rejectsAChannelTheTemplateDoesNotHave() {
        assertThatThrownBy(() -> RECEIVED.render(Channel.IN_APP, GcamLocales.ENGLISH, Map.of()))
                .extracting(e -> ((GcamException) e).errorCode())
                .isEqualTo(NotificationErrorCode.TEMPLATE_CHANNEL_MISSING);
    }

    @Test
    void listsEveryPlaceholder() {
        assertThat(RECEIVED.placeholders()).containsExactly("name", "reference");
    }

    @Test
    void registryServesTheLatestVersionAndKeepsOlderOnes() {
        NotificationTemplate v1 = NotificationTemplate.builder("t").version(1).inApp(GcamLocales.ENGLISH, "one").build();
        NotificationTemplate v2 = NotificationTemplate.builder("t").version(2).inApp(GcamLocales.ENGLISH, "two").build();
        NotificationTemplates templates = NotificationTemplates.of(v2, v1);

        assertThat(templates.latest("t").version()).isEqualTo(2);
        assertThat(templates.find("t", 1)).contains(v1);
        assertThatThrownBy(() -> templates.latest("nope"))
                .extracting(e -> ((GcamException) e).errorCode())
                .isEqualTo(NotificationErrorCode.TEMPLATE_NOT_FOUND);
    }
}
