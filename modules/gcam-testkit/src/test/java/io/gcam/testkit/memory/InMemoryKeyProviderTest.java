package io.gcam.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.AssociatedData;
import io.gcam.core.FieldCipher;
import io.gcam.core.GcamException;
import org.junit.jupiter.api.Test;

class InMemoryKeyProviderTest {

    private final AssociatedData owner = AssociatedData.forColumn("t", "c", "1");

    @Test
    void rotationKeepsOldValuesReadableUntilTheKeyIsRetired() {
        InMemoryKeyProvider keys = InMemoryKeyProvider.create();
        FieldCipher cipher = FieldCipher.create(keys);
        String old = cipher.encrypt("secret", owner);

        assertThat(keys.rotate()).isEqualTo("k2");
        assertThat(cipher.decrypt(old, owner)).isEqualTo("secret");
        assertThat(cipher.keyIdOf(cipher.encrypt("secret", owner))).isEqualTo("k2");

        keys.retire("k1");
        assertThatThrownBy(() -> cipher.decrypt(old, owner))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("CONFIGURATION_INVALID"));
    }

    @Test
    void refusesToRetireTheCurrentKey() {
        InMemoryKeyProvider keys = InMemoryKeyProvider.create();
        assertThatThrownBy(() -> keys.retire("k1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachProviderGeneratesItsOwnKeys() {
        String ciphertext = FieldCipher.create(InMemoryKeyProvider.create()).encrypt("secret", owner);
        assertThatThrownBy(() -> FieldCipher.create(InMemoryKeyProvider.create()).decrypt(ciphertext, owner))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("DECRYPTION_FAILED"));
    }
}
