package io.gcam.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.core.CoreErrorCode;
import io.gcam.core.ErrorKind;
import io.gcam.core.GcamLocales;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void mapsEveryKindToItsStatus() {
        assertThat(Problems.status(ErrorKind.INVALID_INPUT)).isEqualTo(400);
        assertThat(Problems.status(ErrorKind.ACCESS_DENIED)).isEqualTo(403);
        assertThat(Problems.status(ErrorKind.NOT_FOUND)).isEqualTo(404);
        assertThat(Problems.status(ErrorKind.CONFLICT)).isEqualTo(409);
        assertThat(Problems.status(ErrorKind.RULE_VIOLATION)).isEqualTo(422);
        assertThat(Problems.status(ErrorKind.UNAVAILABLE)).isEqualTo(503);
        assertThat(Problems.status(ErrorKind.INTERNAL)).isEqualTo(500);
    }

    @Test
    void givesReusedIdempotencyKeys422AndRestCodesTheirOwnStatus() {
        assertThat(Problems.status(CoreErrorCode.IDEMPOTENCY_KEY_REUSED)).isEqualTo(422);
        assertThat(Problems.status(CoreErrorCode.IDEMPOTENCY_IN_FLIGHT)).isEqualTo(409);
        assertThat(Problems.status(CoreErrorCode.VALIDATION_FAILED)).isEqualTo(400);
        assertThat(Problems.status(RestErrorCode.UNAUTHENTICATED)).isEqualTo(401);
    }

    @Test
    void derivesOneTypeUriPerCode() {
        assertThat(Problems.type("IDEMPOTENCY_KEY_REUSED")).hasToString("https://gcam.io/problems/idempotency-key-reused");
    }

    @Test
    void hasATitleForEveryKindInEveryLanguage() {
        for (Locale locale : GcamLocales.SUPPORTED) {
            for (ErrorKind kind : EnumSet.allOf(ErrorKind.class)) {
                CoreErrorCode any = EnumSet.allOf(CoreErrorCode.class).stream()
                        .filter(c -> c.kind() == kind).findFirst().orElse(null);
                if (any != null) {
                    assertThat(Problems.title(any, locale)).doesNotStartWith("title.");
                }
            }
        }
    }

    @Test
    void translatesEveryRestMessage() throws Exception {
        Properties english = load("messages.properties");
        for (String translation : new String[] {"messages_zh_Hant.properties", "messages_pt.properties"}) {
            assertThat(load(translation).stringPropertyNames()).as(translation)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        }
        for (RestErrorCode code : RestErrorCode.values()) {
            assertThat(english.getProperty(code.code())).as(code.code()).isNotBlank();
        }
    }

    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (var in = Problems.class.getResourceAsStream("/io/gcam/rest/" + name);
                var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
