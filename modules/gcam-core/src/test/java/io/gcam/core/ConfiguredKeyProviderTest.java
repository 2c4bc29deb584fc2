package io.gcam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfiguredKeyProviderTest {

    private static final byte[] KEY_A = filled(1);
    private static final byte[] KEY_B = filled(2);
    private static final String A = Base64.getEncoder().encodeToString(KEY_A);
    private static final String B = Base64.getUrlEncoder().withoutPadding().encodeToString(KEY_B);

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) value);
        return key;
    }

    @Test
    void parsesAKeyListInStandardOrUrlSafeBase64() {
        ConfiguredKeyProvider keys = ConfiguredKeyProvider.parse("b", " a:" + A + " , b:" + B + " ");
        assertThat(keys.currentKeyId()).isEqualTo("b");
        assertThat(keys.key("a")).get().satisfies(k -> {
            assertThat(k.getAlgorithm()).isEqualTo("AES");
            assertThat(k.getEncoded()).isEqualTo(KEY_A);
        });
        assertThat(keys.key("b").orElseThrow().getEncoded()).isEqualTo(KEY_B);
        assertThat(keys.key("c")).isEmpty();
    }

    @Test
    void aSingleKeyIsCurrentWithoutNamingIt() {
        assertThat(ConfiguredKeyProvider.parse(null, "only:" + A).currentKeyId()).isEqualTo("only");
    }

    @Test
    void readsPrefixedSettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("gcam.encryption.keys", "2025a:" + A + ",2026a:" + B);
        settings.put("gcam.encryption.current-key-id", "2026a");
        ConfiguredKeyProvider keys = ConfiguredKeyProvider.from("gcam.encryption", settings::get);
        assertThat(keys.currentKeyId()).isEqualTo("2026a");
        assertThat(keys.toString()).contains("2025a", "2026a").doesNotContain(A).doesNotContain(B);
    }

    @Test
    void readsSystemPropertiesFromTheEnvironment() {
        System.setProperty("gcamtest.fieldkeys.keys", "k1:" + A);
        try {
            assertThat(ConfiguredKeyProvider.fromEnvironment("gcamtest.fieldkeys").currentKeyId()).isEqualTo("k1");
        } finally {
            System.clearProperty("gcamtest.fieldkeys.keys");
        }
    }

    @Test
    void missingKeysNameBothTheSettingAndTheEnvironmentVariable() {
        assertThatThrownBy(() -> ConfiguredKeyProvider.from("gcam.encryption", name -> null))
                .isInstanceOfSatisfying(GcamException.class, e -> {
                    assertThat(e.code()).isEqualTo("CONFIGURATION_INVALID");
                    assertThat(e.getMessage()).contains("gcam.encryption.keys", "GCAM_ENCRYPTION_KEYS",
                            "openssl rand -base64 32");
                });
    }

    @Test
    void rejectsAKeyThatIsNot32BytesWithoutShowingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> ConfiguredKeyProvider.parse(null, "k1:" + shortKey))
                .isInstanceOfSatisfying(GcamException.class, e -> {
                    assertThat(e.code()).isEqualTo("CONFIGURATION_INVALID");
                    assertThat(e.getMessage()).contains("'k1'", "16 bytes", "32 bytes").doesNotContain(shortKey);
                });
        assertThatThrownBy(() -> ConfiguredKeyProvider.of("k1", Map.of("k1", new byte[31])))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.getMessage()).contains("31 bytes"));
    }

    @Test
    void reportsEveryMalformedListClearly() {
        assertInvalid("k1" + A, "not in the form id:base64key");
        assertInvalid("k1:" + A + ",k1:" + B, "appears twice");
        assertInvalid("k1:not*base64", "not valid Base64");
        assertInvalid("bad id:" + A, "characters other than");
        assertInvalid(":" + A, "is empty");
    }

    @Test
    void requiresAKnownCurrentKeyWhenSeveralAreConfigured() {
        assertThatThrownBy(() -> ConfiguredKeyProvider.parse(null, "a:" + A + ",b:" + B))
                .isInstanceOfSatisfying(GcamException.class,
                        e -> assertThat(e.getMessage()).contains("no current key id", "[a, b]"));
        assertThatThrownBy(() -> ConfiguredKeyProvider.parse("c", "a:" + A + ",b:" + B))
                .isInstanceOfSatisfying(GcamException.class,
                        e -> assertThat(e.getMessage()).contains("'c'", "not among the configured keys"));
    }

    private static void assertInvalid(String keyList, String expected) {
        assertThatThrownBy(() -> ConfiguredKeyProvider.parse(null, keyList))
                .isInstanceOfSatisfying(GcamException.class, e -> {
                    assertThat(e.code()).isEqualTo("CONFIGURATION_INVALID");
                    assertThat(e.getMessage()).contains(expected).doesNotContain(A).doesNotContain(B);
                });
    }
}
