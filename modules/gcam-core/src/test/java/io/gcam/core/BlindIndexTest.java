package io.gcam.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.extension.ExtendWith(DefaultLocaleExtension.class)
class BlindIndexTest {

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) value);
        return key;
    }

    private final BlindIndex index = BlindIndex.create(ConfiguredKeyProvider.of("idx1", Map.of("idx1", filled(7))));

    @Test
    void isDeterministicAndUrlSafe() {
        String token = index.compute("profile.id_number", "1234567(8)");
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        BlindIndex again = BlindIndex.create(ConfiguredKeyProvider.of("idx1", Map.of("idx1", filled(7))));
        assertThat(again.compute("profile.id_number", "1234567(8)")).isEqualTo(token);
    }

    @Test
    void dependsOnTheKey() {
        BlindIndex other = BlindIndex.create(ConfiguredKeyProvider.of("idx1", Map.of("idx1", filled(8))));
        assertThat(other.compute("profile.id_number", "1234567(8)"))
                .isNotEqualTo(index.compute("profile.id_number", "1234567(8)"));
    }

    @Test
    void separatesFields() {
        assertThat(index.compute("profile.phone", "12345678")).isNotEqualTo(index.compute("profile.id_number", "12345678"));
        assertThat(index.compute("ab", "c")).isNotEqualTo(index.compute("a", "bc"));
    }

    @Test
    void distinguishesDifferentValues() {
        assertThat(index.compute("profile.id_number", "1234567(8)"))
                .isNotEqualTo(index.compute("profile.id_number", "1234567(9)"));
    }

    @Test
    void normalizesCaseWhitespaceAndFullWidthCharacters() {
        String token = index.compute("profile.email", "chan.tai.man@example.mo");
        assertThat(index.compute("profile.email", "  Chan.Tai.Man@EXAMPLE.mo ")).isEqualTo(token);
        assertThat(index.compute("profile.id_number", "１２３４５６７（８）"))
                .isEqualTo(index.compute("profile.id_number", "1234567(8)"));
        assertThat(index.compute("profile.name", "CHAN  Tai\tMan")).isEqualTo(index.compute("profile.name", "chan tai man"));
    }

    @Test
    void normalizesTheSameWayWhateverTheJvmLocale() {
        String token = index.compute("profile.name", "TITLE");
        java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
        assertThat(BlindIndex.normalize("TITLE")).isEqualTo("title");
        assertThat(index.compute("profile.name", "TITLE")).isEqualTo(token);
    }

    @Test
    void acceptsACustomNormalizer() {
        BlindIndex digitsOnly = BlindIndex.create(ConfiguredKeyProvider.of("idx1", Map.of("idx1", filled(7))),
                v -> v.replaceAll("[^0-9A-Za-z]", "").toUpperCase(java.util.Locale.ROOT));
        assertThat(digitsOnly.compute("profile.id_number", "1234567(8)"))
                .isEqualTo(digitsOnly.compute("profile.id_number", "1234567 8"));
    }
}
