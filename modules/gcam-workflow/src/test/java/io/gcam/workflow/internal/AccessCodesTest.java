package io.gcam.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class AccessCodesTest {

    @Test
    void issuesTwelveCharactersInGroupsOfFourFromTheAlphabetWithoutLookAlikes() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String code = AccessCodes.newCode();
            assertThat(code).matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}");
            codes.add(code);
        }
        assertThat(codes).hasSize(1_000);
    }

    @Test
    void matchesTheCodeHoweverItIsTypedAndNothingElse() {
        String code = AccessCodes.newCode();
        String stored = AccessCodes.hash(code);

        assertThat(stored).startsWith("pbkdf2$1000$");
        assertThat(AccessCodes.matches(code, stored)).isTrue();
        assertThat(AccessCodes.matches(code.toLowerCase(java.util.Locale.ROOT).replace("-", " "), stored)).isTrue();
        assertThat(AccessCodes.matches(code.replace("-", ""), stored)).isTrue();
        assertThat(AccessCodes.matches(code.substring(0, 13), stored)).isFalse();
        assertThat(AccessCodes.matches(AccessCodes.newCode(), stored)).isFalse();
        assertThat(AccessCodes.matches(code, null)).as("an unknown reference never matches").isFalse();
    }

    @Test
    void stillMatchesCodesHashedWithTheEarlierIterationCount() throws GeneralSecurityException {
        // a ten-character code as issued before, hashed with 10,000 iterations
        byte[] salt = new byte[16];
        salt[0] = 7;
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("K7M2PQX9RT".toCharArray(), salt, 10_000, 256)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        String stored = "pbkdf2$10000$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);

        assertThat(AccessCodes.matches("K7M2P-QX9RT", stored)).isTrue();
        assertThat(AccessCodes.matches("K7M2P-QX9RA", stored)).isFalse();
    }
}
