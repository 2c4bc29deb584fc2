package io.gcam.samples.portal.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kiosk's settings: defaults, and a start refused with the variable's name for a bad value. */
class KioskSettingsTest {

    @Test
    void usesTheDefaultWhenTheSettingIsMissingOrBlank() {
        assertThat(AppointmentWiring.positive(Map.of(), AppointmentWiring.IDLE_SECONDS, 60)).isEqualTo(60);
        assertThat(AppointmentWiring.positive(Map.of(AppointmentWiring.IDLE_SECONDS, " "), AppointmentWiring.IDLE_SECONDS,
                60)).isEqualTo(60);
        assertThat(AppointmentWiring.positive(Map.of(AppointmentWiring.IDLE_SECONDS, " 15 "),
                AppointmentWiring.IDLE_SECONDS, 60)).isEqualTo(15);
    }

    @Test
    void rejectsAValueThatIsNotAPositiveWholeNumber() {
        for (String bad : new String[] {"0", "-5", "1.5", "soon"}) {
            assertThatThrownBy(() -> AppointmentWiring.positive(Map.of(AppointmentWiring.CHECK_IN_EARLY_MINUTES, bad),
                    AppointmentWiring.CHECK_IN_EARLY_MINUTES, 60))
                    .isInstanceOf(GcamException.class)
                    .satisfies(e -> assertThat(((GcamException) e).errorCode()).isEqualTo(CoreErrorCode.CONFIGURATION_INVALID))
                    .hasMessageContaining("GCAM_CHECK_IN_EARLY_MINUTES must be a positive whole number, not '" + bad + "'");
        }
    }
}
