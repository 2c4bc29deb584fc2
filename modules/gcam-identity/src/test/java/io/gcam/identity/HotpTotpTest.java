package io.gcam.identity;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HotpTotpTest {

    static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(US_ASCII);
    static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(US_ASCII);
    static final byte[] SEED_SHA512 =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(US_ASCII);

    /** RFC 4226, Appendix D. */
    @ParameterizedTest
    @CsvSource({"0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314", "5, 254676", "6, 287922",
            "7, 162583", "8, 399871", "9, 520489"})
    void matchesRfc4226TestVectors(long counter, String expected) {
        assertThat(Hotp.generate(OtpAlgorithm.SHA1, SEED_SHA1, counter, 6)).isEqualTo(expected);
    }

    /** RFC 6238, Appendix B (8 digits, 30-second steps). */
    @ParameterizedTest
    @CsvSource({
            "59, 94287082, 46119246, 90693936",
            "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326",
            "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void matchesRfc6238TestVectors(long time, String sha1, String sha256, String sha512) {
        assertThat(totp(OtpAlgorithm.SHA1, time).generate(SEED_SHA1, time)).isEqualTo(sha1);
        assertThat(totp(OtpAlgorithm.SHA256, time).generate(SEED_SHA256, time)).isEqualTo(sha256);
        assertThat(totp(OtpAlgorithm.SHA512, time).generate(SEED_SHA512, time)).isEqualTo(sha512);
        assertThat(totp(OtpAlgorithm.SHA512, time).verify("staff-1", SEED_SHA512, sha512)).isEqualTo(time / 30);
    }

    @Test
    void acceptsPasswordsWithinTheDriftWindowOnly() {
        long now = 1_234_567_890L;
        Totp verifier = totp(OtpAlgorithm.SHA1, now);
        String previous = verifier.generate(SEED_SHA1, now - 30);
        String twoStepsAhead = verifier.generate(SEED_SHA1, now + 60);
        assertThat(verifier.verify("staff-1", SEED_SHA1, previous)).isEqualTo(now / 30 - 1);
        assertThatThrownBy(() -> verifier.verify("staff-2", SEED_SHA1, twoStepsAhead))
                .isInstanceOf(OtpRejectedException.class)
                .satisfies(e -> assertThat(((OtpRejectedException) e).code()).isEqualTo("OTP_REJECTED"));
    }

    @Test
    void rejectsReplayOfAUsedTimeStepAndOfAnEarlierOne() {
        long now = 1_234_567_890L;
        Totp verifier = totp(OtpAlgorithm.SHA1, now);
        String current = verifier.generate(SEED_SHA1, now);
        String previous = verifier.generate(SEED_SHA1, now - 30);
        verifier.verify("staff-1", SEED_SHA1, current);
        assertThatThrownBy(() -> verifier.verify("staff-1", SEED_SHA1, current)).isInstanceOf(OtpRejectedException.class);
        assertThatThrownBy(() -> verifier.verify("staff-1", SEED_SHA1, previous)).isInstanceOf(OtpRejectedException.class);
        // Another staff member's steps are their own.
        assertThat(verifier.verify("staff-2", SEED_SHA1, current)).isEqualTo(now / 30);
    }

    @Test
    void rejectsWrongOrMalformedPasswords() {
        Totp verifier = totp(OtpAlgorithm.SHA1, 59);
        assertThatThrownBy(() -> verifier.verify("staff-1", SEED_SHA1, "94287083")).isInstanceOf(OtpRejectedException.class);
        assertThatThrownBy(() -> verifier.verify("staff-1", SEED_SHA1, "")).isInstanceOf(OtpRejectedException.class);
        assertThatThrownBy(() -> verifier.verify("staff-1", SEED_SHA1, null)).isInstanceOf(OtpRejectedException.class);
    }

    private static Totp totp(OtpAlgorithm algorithm, long epochSecond) {
        return Totp.builder().algorithm(algorithm).digits(8)
                .clock(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC))
                .usedSteps(new MemoryUsedTimeSteps()).build();
    }
}
