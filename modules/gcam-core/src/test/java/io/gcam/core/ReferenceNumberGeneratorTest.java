package io.gcam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.spi.SequenceStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReferenceNumberGeneratorTest {

    /** 2025-12-31 23:59:59 in Macau (UTC+8). */
    private static final Instant LAST_SECOND_OF_2025_IN_MACAU = Instant.parse("2025-12-31T15:59:59Z");

    private final MapSequenceStore store = new MapSequenceStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-07T02:00:00Z"));

    @Test
    void issuesPaddedNumbersWithCheckDigitsStartingAtOne() {
        ReferenceNumberGenerator generator = generator("REC-[cy:yyyy]-[SEQ:6]-[CHK]");

        ReferenceNumber first = generator.next();
        ReferenceNumber second = generator.next();

        assertThat(first.value()).isEqualTo("REC-2026-000001-" + CheckAlgorithm.MOD_97_10.compute("REC2026000001"));
        assertThat(second.value()).isEqualTo("REC-2026-000002-" + CheckAlgorithm.MOD_97_10.compute("REC2026000002"));
        assertThat(first.series()).isEqualTo("application/2026");
        assertThat(first.dateParts()).containsExactly("2026");
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first).hasToString(first.value());
        assertThat(generator.isValid(first.value())).isTrue();
    }

    @Test
    void restartsNumberingWhenTheYearTurnsAtMidnightInMacau() {
        ReferenceNumberGenerator generator = generator("REC-[cy:yyyy]-[SEQ:6]-[CHK]");
        clock.set(LAST_SECOND_OF_2025_IN_MACAU);
        generator.next();
        ReferenceNumber last2025 = generator.next();

        clock.set(LAST_SECOND_OF_2025_IN_MACAU.plusSeconds(1)); // still 2025 in UTC
        ReferenceNumber first2026 = generator.next();
        ReferenceNumber second2026 = generator.next();

        assertThat(last2025.value()).startsWith("REC-2025-000002-");
        assertThat(last2025.series()).isEqualTo("application/2025");
        assertThat(first2026.value()).startsWith("REC-2026-000001-");
        assertThat(first2026.series()).isEqualTo("application/2026");
        assertThat(second2026.sequence()).isEqualTo(2);
        assertThat(store.current("application/2025")).hasValue(2);
    }

    @Test
    void takesDatesInTheConfiguredZone() {
        ReferenceNumberGenerator utc = builder("REC-[cy:yyyy]-[SEQ:6]").zone(ZoneOffset.UTC).build();
        clock.set(LAST_SECOND_OF_2025_IN_MACAU.plusSeconds(1));

        assertThat(utc.next().value()).isEqualTo("REC-2025-000001");
        assertThat(utc.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(generator("[SEQ]").zone()).isEqualTo(ZoneId.of("Asia/Macau"));
    }

    @Test
    void restartsMonthlyWithAMonthInTheDatePart() {
        ReferenceNumberGenerator generator = generator("APT-[cy:yyyyMM]-[SEQ:4]");
        clock.set(Instant.parse("2026-03-31T15:59:59Z"));
        assertThat(generator.next().value()).isEqualTo("APT-202603-0001");
        assertThat(generator.next().value()).isEqualTo("APT-202603-0002");
        clock.set(Instant.parse("2026-03-31T16:00:00Z"));
        assertThat(generator.next().value()).isEqualTo("APT-202604-0001");
    }

    @Test
    void countsForEverWithoutDateParts() {
        ReferenceNumberGenerator generator = generator("T[SEQ:3]");
        clock.set(LAST_SECOND_OF_2025_IN_MACAU);
        generator.next();
        clock.set(LAST_SECOND_OF_2025_IN_MACAU.plusSeconds(3600));

        ReferenceNumber next = generator.next();

        assertThat(next.value()).isEqualTo("T002");
        assertThat(next.series()).isEqualTo("application");
    }

    @Test
    void namesTheSeriesAfterTheNameAndEveryDatePart() {
        ReferenceNumberGenerator generator = generator("[cy:yyyy]-[SEQ:4]-[cy:MM]");

        ReferenceNumber number = generator.next();

        assertThat(number.value()).isEqualTo("2026-0001-03");
        assertThat(number.series()).isEqualTo("application/2026/03");
        assertThat(number.dateParts()).containsExactly("2026", "03");
    }

    @Test
    void growsPastTheSequenceWidth() {
        ReferenceNumberGenerator generator = generator("REC-[cy:yyyy]-[SEQ:3]-[CHK]");
        store.set("application/2026", 998);

        ReferenceNumber n999 = generator.next();
        ReferenceNumber n1000 = generator.next();

        assertThat(n999.value()).startsWith("REC-2026-999-");
        assertThat(n1000.value()).startsWith("REC-2026-1000-");
        assertThat(generator.parse(n1000.value()).sequence()).isEqualTo(1000);
    }

    @Test
    void keepsGeneratorsWithDifferentNamesApart() {
        ReferenceNumberGenerator applications = generator("A-[SEQ:3]");
        ReferenceNumberGenerator receipts = builder("R-[SEQ:3]").name("receipt").build();

        applications.next();
        applications.next();

        assertThat(receipts.next().value()).isEqualTo("R-001");
        assertThat(applications.next().value()).isEqualTo("A-003");
    }

    @Test
    void parsesANumberBackIntoItsParts() {
        ReferenceNumberGenerator generator = generator("REC-[cy:yyyy]-[SEQ:6]-[CHK]");
        ReferenceNumber issued = generator.next();

        ReferenceNumber parsed = generator.parse(issued.value());

        assertThat(parsed).isEqualTo(issued);
    }

    @Test
    void rejectsNumbersWithOneChangedDigitOrTwoSwappedDigits() {
        ReferenceNumberGenerator generator = generator("REC-[cy:yyyy]-[SEQ:6]-[CHK]");
        store.set("application/2026", 318_466);
        String number = generator.next().value();
        assertThat(number).startsWith("REC-2026-318467-");

        int rejected = 0;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (!Character.isDigit(c)) {
                continue;
            }
            for (char d = '0'; d <= '9'; d++) {
                if (d != c) {
                    String changed = number.substring(0, i) + d + number.substring(i + 1);
                    assertThat(generator.isValid(changed)).as(changed).isFalse();
                    assertThatThrownBy(() -> generator.parse(changed))
                            .isInstanceOf(InvalidReferenceNumberException.class)
                            .hasMessageContaining(changed);
                    rejected++;
                }
            }
            if (i + 1 < number.length() && Character.isDigit(number.charAt(i + 1)) && number.charAt(i + 1) != c) {
                String swapped = number.substring(0, i) + number.charAt(i + 1) + c + number.substring(i + 2);
                assertThat(generator.isValid(swapped)).as(swapped).isFalse();
                rejected++;
            }
        }
        assertThat(rejected).isGreaterThan(100);
    }

    @Test
    void usesMod11_2WhenAsked() {
        ReferenceNumberGenerator generator = builder("[cy:yyyy][SEQ:8][CHK]").checkAlgorithm(CheckAlgorithm.MOD_11_2).build();

        String seen = "";
        for (int i = 0; i < 30; i++) {
            String number = generator.next().value();
            assertThat(number).hasSize(13);
            assertThat(CheckAlgorithm.MOD_11_2.isValid(number)).isTrue();
            assertThat(generator.isValid(number)).isTrue();
            seen += number.charAt(12);
        }
        assertThat(seen).contains("X"); // the check character of 10 appears among 30 numbers
        assertThat(generator.format().checkAlgorithm()).contains(CheckAlgorithm.MOD_11_2);
    }

    @Test
    void parseRejectsTextOfAnotherShape() {
        ReferenceNumberGenerator generator = generator("REC-[cy:yyyy]-[SEQ:6]-[CHK]");

        assertThatThrownBy(() -> generator.parse("APP-2026-000001-07"))
                .isInstanceOfSatisfying(InvalidReferenceNumberException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_REFERENCE_NUMBER");
                    assertThat(e.reason()).isEqualTo(InvalidReferenceNumberException.Reason.MALFORMED);
                });
    }

    @Test
    void rejectsIncompleteConfiguration() {
        assertConfigurationInvalid(ReferenceNumberGenerator.builder().format("[SEQ]").store(store),
                "a reference number generator needs a name(...)");
        assertConfigurationInvalid(ReferenceNumberGenerator.builder().name("application").store(store),
                "reference number generator 'application' needs a format(...)");
        assertConfigurationInvalid(ReferenceNumberGenerator.builder().name("application").format("[SEQ]"),
                "reference number generator 'application' needs a store(...)");
        assertConfigurationInvalid(builder("[SEQ]").name("my application"),
                "reference number generator name 'my application' must be 1 to 100 ASCII letters");
        assertConfigurationInvalid(builder("[SEQ]").name("a".repeat(101)), "must be 1 to 100");
        assertConfigurationInvalid(builder("[SEQ]").name("-x"), "starting with a letter or digit");
        assertConfigurationInvalid(builder("REC-[SEQ:6]").checkAlgorithm(CheckAlgorithm.MOD_97_10),
                "has no [CHK] token");
        assertConfigurationInvalid(builder("REC-[SEQ:6]-[CHK"), "is never closed");
    }

    @Test
    void rejectsSeriesNamesLongerThanEveryStoreAccepts() {
        String datePart = "[cy:yyyyMMddHHmmss]";
        // 100 + 6 * (1 + 14) = 190 characters: fine; one more date part makes 205
        builder(datePart.repeat(6) + "[SEQ]").name("n".repeat(100)).build();

        assertConfigurationInvalid(builder(datePart.repeat(7) + "[SEQ]").name("n".repeat(100)),
                "would use series names of 205 characters");
    }

    @Test
    void refusesAStoreThatBreaksItsContract() {
        ReferenceNumberGenerator generator = ReferenceNumberGenerator.builder()
                .name("broken").format("[SEQ]").store(new SequenceStore() {
                    @Override
                    public long next(String series) {
                        return 0;
                    }

                    @Override
                    public OptionalLong current(String series) {
                        return OptionalLong.empty();
                    }
                }).build();

        assertThatThrownBy(generator::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("starts at 1");
    }

    private ReferenceNumberGenerator generator(String format) {
        return builder(format).build();
    }

    private ReferenceNumberGenerator.Builder builder(String format) {
        return ReferenceNumberGenerator.builder().name("application").format(format).store(store).clock(clock);
    }

    private static void assertConfigurationInvalid(ReferenceNumberGenerator.Builder builder, String problem) {
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(GcamException.class, e -> {
            assertThat(e.code()).isEqualTo("CONFIGURATION_INVALID");
            assertThat(e.getMessage()).contains(problem);
        });
    }

    /** The simplest correct store, for these unit tests. */
    static final class MapSequenceStore implements SequenceStore {
        private final Map<String, Long> values = new HashMap<>();

        @Override
        public synchronized long next(String series) {
            return values.merge(SequenceStore.requireValidSeries(series), 1L, Long::sum);
        }

        @Override
        public synchronized OptionalLong current(String series) {
            Long value = values.get(series);
            return value == null ? OptionalLong.empty() : OptionalLong.of(value);
        }

        synchronized void set(String series, long value) {
            values.put(series, value);
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
