package io.gcam.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The specimens printed in ICAO Doc 9303 Part 4 (TD3) and Part 5 (TD1), 8th edition. */
class MachineReadableZonesTest {

    static final String TD3_1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    static final String TD3_2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
    static final String TD1_1 = "I<UTOD231458907<<<<<<<<<<<<<<<";
    static final String TD1_2 = "7408122F1204159UTO<<<<<<<<<<<6";
    static final String TD1_3 = "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";

    @ParameterizedTest
    @CsvSource({"L898902C3, 6", "740812, 2", "120415, 9", "ZE184226B<<<<<, 1", "D23145890, 7",
            "L898902C36UTO7408122F1204159ZE184226B<<<<<1, 0"})
    void computesTheSpecimenCheckDigits(String field, int expected) {
        // The last row is the TD3 composite field as the zone prints it: number+check, birth+check, expiry+check, optional+check.
        String input = field.startsWith("L898902C36") ? "L898902C36" + "7408122" + "1204159ZE184226B<<<<<1" : field;
        assertThat(MachineReadableZones.checkDigit(input)).isEqualTo(expected);
    }

    @Test
    void readsTheTd3Specimen() {
        MachineReadableZone zone = MachineReadableZones.readTd3(TD3_1, TD3_2);
        assertThat(zone.documentCode()).isEqualTo("P");
        assertThat(zone.issuingState()).isEqualTo("UTO");
        assertThat(zone.documentNumber()).isEqualTo("L898902C3");
        assertThat(zone.dateOfBirth()).isEqualTo("740812");
        assertThat(zone.sex()).isEqualTo("F");
        assertThat(zone.dateOfExpiry()).isEqualTo("120415");
        assertThat(zone.nationality()).isEqualTo("UTO");
        assertThat(zone.primaryIdentifier()).isEqualTo("ERIKSSON");
        assertThat(zone.secondaryIdentifier()).isEqualTo("ANNA MARIA");
        assertThat(zone.toString()).doesNotContain("L898902C3", "ERIKSSON", "740812");
    }

    @Test
    void readsTheTd1Specimen() {
        MachineReadableZone zone = MachineReadableZones.readTd1(TD1_1, TD1_2, TD1_3);
        assertThat(zone.documentCode()).isEqualTo("I");
        assertThat(zone.documentNumber()).isEqualTo("D23145890");
        assertThat(zone.dateOfBirth()).isEqualTo("740812");
        assertThat(zone.dateOfExpiry()).isEqualTo("120415");
        assertThat(zone.secondaryIdentifier()).isEqualTo("ANNA MARIA");
    }

    @ParameterizedTest
    @CsvSource({"0, documentNumber", "5, documentNumber", "14, dateOfBirth", "23, dateOfExpiry",
            "30, optionalData", "43, composite"})
    void rejectsTd3WhenOneCharacterIsMistyped(int position, String failedCheck) {
        char original = TD3_2.charAt(position);
        char replacement = original == '7' ? '8' : original == '<' ? '1' : Character.isDigit(original) ? '7' : 'X';
        String line2 = TD3_2.substring(0, position) + replacement + TD3_2.substring(position + 1);
        assertThatThrownBy(() -> MachineReadableZones.readTd3(TD3_1, line2))
                .isInstanceOfSatisfying(InvalidIdentityDocumentException.class,
                        e -> assertThat(e.failedCheck()).isEqualTo(failedCheck));
    }

    @ParameterizedTest
    @CsvSource({"1, 6, documentNumber", "2, 0, dateOfBirth", "2, 10, dateOfExpiry", "2, 29, composite",
            "1, 20, composite"})
    void rejectsTd1WhenOneCharacterIsMistyped(int line, int position, String failedCheck) {
        String source = line == 1 ? TD1_1 : TD1_2;
        char original = source.charAt(position);
        // 'B' (value 11), not 'A' (value 10): a multiple of 10 never changes a check digit.
        char replacement = original == '<' ? 'B' : original == '7' ? '8' : '7';
        String changed = source.substring(0, position) + replacement + source.substring(position + 1);
        assertThatThrownBy(() -> MachineReadableZones.readTd1(line == 1 ? changed : TD1_1, line == 2 ? changed : TD1_2, TD1_3))
                .isInstanceOfSatisfying(InvalidIdentityDocumentException.class,
                        e -> assertThat(e.failedCheck()).isEqualTo(failedCheck));
    }

    @Test
    void nationalityIsNotCoveredByAnyCheckDigit() {
        // ICAO 9303 leaves the nationality (line 2, positions 11-13) out of every check digit.
        String line2 = TD3_2.substring(0, 10) + "XXX" + TD3_2.substring(13);
        assertThat(MachineReadableZones.readTd3(TD3_1, line2).nationality()).isEqualTo("XXX");
    }

    @Test
    void rejectsLinesOfTheWrongLength() {
        assertThatThrownBy(() -> MachineReadableZones.readTd3(TD3_1, TD3_2.substring(1)))
                .isInstanceOfSatisfying(InvalidIdentityDocumentException.class,
                        e -> assertThat(e.failedCheck()).isEqualTo("format"));
    }
}
