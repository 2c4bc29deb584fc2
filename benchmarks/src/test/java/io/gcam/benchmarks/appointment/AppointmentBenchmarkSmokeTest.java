package io.gcam.benchmarks.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.appointment.AppointmentStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Runs the appointment benchmark bodies a few times, untimed. */
class AppointmentBenchmarkSmokeTest {

    @Test
    void availabilityBenchmarkAndItsBaselineCountTheSameFreeSlots() throws Exception {
        AvailabilityBenchmark benchmark = new AvailabilityBenchmark();
        benchmark.setUp();
        try {
            int gcam = benchmark.gcamAvailability();
            int baseline = benchmark.baselineAvailability();
            // About 1,800 slots per service; the 28 slots of each of the two holidays are only left out by GCAM.
            assertThat(gcam).isGreaterThan(20 * 1_500);
            assertThat(baseline - gcam).isEqualTo(20 * 2 * 28);
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void bookingBenchmarkAndItsBaselineConfirmBookings() throws Exception {
        BookingBenchmark benchmark = new BookingBenchmark();
        benchmark.setUp();
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(benchmark.gcamBook()).isEqualTo(AppointmentStatus.CONFIRMED);
                assertThat(benchmark.baselineBook()).isEqualTo(1);
            }
            try (Connection c = benchmark.pool().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM gcam_appt_appointment WHERE status = 'CONFIRMED'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(3);
            }
        } finally {
            benchmark.tearDown();
        }
    }
}
