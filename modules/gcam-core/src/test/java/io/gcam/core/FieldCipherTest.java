package io.gcam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AssociatedData OWNER = AssociatedData.forColumn("gcam_profile", "id_number", "row-1");

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    private final byte[] k1 = randomKey();
    private final FieldCipher cipher = FieldCipher.create(ConfiguredKeyProvider.of("k1", Map.of("k1", k1)));

    @Test
    void roundTripsUnicodeAndEmptyValues() {
        for (String value : new String[] {"1234567(8)", "陳大文", "São Lourenço", "", "😀"}) {
            assertThat(cipher.decrypt(cipher.encrypt(value, OWNER), OWNER)).isEqualTo(value);
        }
    }

    @Test
    void producesUrlSafeTextWithinTheDocumentedLength() {
        for (int length : new int[] {0, 1, 10, 100, 1000}) {
            String ciphertext = cipher.encrypt("x".repeat(length), OWNER);
            assertThat(ciphertext).matches("[A-Za-z0-9_-]+");
            assertThat(ciphertext.length()).isLessThanOrEqualTo(FieldCipher.maxEncodedLength(length));
        }
        String longestId = "k".repeat(32);
        FieldCipher longId = FieldCipher.create(ConfiguredKeyProvider.of(longestId, Map.of(longestId, k1)));
        assertThat(longId.encrypt("x".repeat(50), OWNER)).hasSize(FieldCipher.maxEncodedLength(50));
    }

    @Test
    void usesAFreshNonceForEveryEncryption() {
        Set<String> ciphertexts = new HashSet<>();
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String ciphertext = cipher.encrypt("same value", OWNER);
            ciphertexts.add(ciphertext);
            byte[] bytes = Base64.getUrlDecoder().decode(ciphertext);
            nonces.add(Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, 4, 16)));
        }
        assertThat(ciphertexts).hasSize(200);
        assertThat(nonces).hasSize(200);
    }

    @Test
    void rejectsEveryAlteredByte() {
        String ciphertext = cipher.encrypt("1234567(8)", OWNER);
        byte[] bytes = Base64.getUrlDecoder().decode(ciphertext);
        for (int i = 0; i < bytes.length; i++) {
            byte[] tampered = bytes.clone();
            tampered[i] ^= 0x01;
            String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
            assertThatThrownBy(() -> cipher.decrypt(altered, OWNER)).as("byte %d", i)
                    .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code())
                            .isIn("DECRYPTION_FAILED", "CONFIGURATION_INVALID"));
        }
    }

    @Test
    void rejectsTamperedCiphertextWithDecryptionFailed() {
        String ciphertext = cipher.encrypt("1234567(8)", OWNER);
        byte[] bytes = Base64.getUrlDecoder().decode(ciphertext);
        bytes[bytes.length - 1] ^= 0x40; // inside the tag
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThatThrownBy(() -> cipher.decrypt(tampered, OWNER))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("DECRYPTION_FAILED"));
        assertThatThrownBy(() -> cipher.decrypt(ciphertext.substring(0, ciphertext.length() - 3), OWNER))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("DECRYPTION_FAILED"));
        assertThatThrownBy(() -> cipher.decrypt("not base64 at all!", OWNER))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("DECRYPTION_FAILED"));
        assertThatThrownBy(() -> cipher.decrypt("", OWNER))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("DECRYPTION_FAILED"));
    }

    @Test
    void aValueMovedToAnotherRowOrColumnDoesNotDecrypt() {
        String ciphertext = cipher.encrypt("1234567(8)", OWNER);
        for (AssociatedData other : new AssociatedData[] {
                AssociatedData.forColumn("gcam_profile", "id_number", "row-2"),
                AssociatedData.forColumn("gcam_profile", "phone", "row-1"),
                AssociatedData.of("gcam_profile", "id_numberrow-1"),
                AssociatedData.of()}) {
            assertThatThrownBy(() -> cipher.decrypt(ciphertext, other))
                    .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("DECRYPTION_FAILED"));
        }
    }

    @Test
    void aDifferentKeyWithTheSameIdDoesNotDecrypt() {
        String ciphertext = cipher.encrypt("1234567(8)", OWNER);
        FieldCipher impostor = FieldCipher.create(ConfiguredKeyProvider.of("k1", Map.of("k1", randomKey())));
        assertThatThrownBy(() -> impostor.decrypt(ciphertext, OWNER))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("DECRYPTION_FAILED"));
    }

    @Test
    void oldCiphertextStillDecryptsAfterRotationAndCanBeMovedToTheNewKey() {
        String old = cipher.encrypt("1234567(8)", OWNER);
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put("k1", k1);
        keys.put("k2", randomKey());
        FieldCipher rotated = FieldCipher.create(ConfiguredKeyProvider.of("k2", keys));

        assertThat(rotated.decrypt(old, OWNER)).isEqualTo("1234567(8)");
        assertThat(rotated.keyIdOf(old)).isEqualTo("k1");
        assertThat(rotated.isCurrent(old)).isFalse();

        String fresh = rotated.encrypt("1234567(8)", OWNER);
        assertThat(rotated.keyIdOf(fresh)).isEqualTo("k2");
        assertThat(rotated.isCurrent(fresh)).isTrue();

        String moved = rotated.reencrypt(old, OWNER);
        assertThat(rotated.keyIdOf(moved)).isEqualTo("k2");
        assertThat(rotated.decrypt(moved, OWNER)).isEqualTo("1234567(8)");
    }

    @Test
    void anUnknownKeyIdFailsWithAnErrorThatNamesTheKeyAndSaysWhatToDo() {
        String old = cipher.encrypt("1234567(8)", OWNER);
        FieldCipher withoutK1 = FieldCipher.create(ConfiguredKeyProvider.of("k2", Map.of("k2", randomKey())));
        assertThatThrownBy(() -> withoutK1.decrypt(old, OWNER))
                .isInstanceOfSatisfying(GcamException.class, e -> {
                    assertThat(e.code()).isEqualTo("CONFIGURATION_INVALID");
                    assertThat(e.getMessage()).contains("'k1'", "add that key back");
                });
    }

    @Test
    void errorsNeverContainThePlaintextOrTheKey() {
        String ciphertext = cipher.encrypt("1234567(8)", OWNER);
        GcamException e = (GcamException) org.assertj.core.api.Assertions.catchThrowable(
                () -> cipher.decrypt(ciphertext, AssociatedData.of("elsewhere")));
        assertThat(e.getMessage()).doesNotContain("1234567").doesNotContain(Base64.getEncoder().encodeToString(k1));
        assertThat(e.arguments()).isEmpty();
    }

    @Test
    void refusesToEncryptWithAKeyThatIsNotAes256() {
        io.gcam.core.spi.KeyProvider weak = new io.gcam.core.spi.KeyProvider() {
            @Override
            public String currentKeyId() {
                return "weak";
            }

            @Override
            public java.util.Optional<javax.crypto.SecretKey> key(String keyId) {
                return java.util.Optional.of(new javax.crypto.spec.SecretKeySpec(new byte[16], "AES"));
            }
        };
        assertThatThrownBy(() -> FieldCipher.create(weak).encrypt("x", OWNER))
                .isInstanceOfSatisfying(GcamException.class, e -> {
                    assertThat(e.code()).isEqualTo("CONFIGURATION_INVALID");
                    assertThat(e.getMessage()).contains("'weak'", "256-bit", "16 bytes");
                });
    }

    @Test
    void associatedDataPartsAreUnambiguous() {
        assertThat(AssociatedData.of("ab", "c").encoded()).isNotEqualTo(AssociatedData.of("a", "bc").encoded());
        assertThat(AssociatedData.of("a", "").encoded()).isNotEqualTo(AssociatedData.of("a").encoded());
    }
}
