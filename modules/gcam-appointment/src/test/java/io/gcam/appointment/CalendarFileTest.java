package io.gcam.appointment;

import static io.gcam.appointment.Fixture.ADMIN;
import static io.gcam.appointment.Fixture.applicant;
import static io.gcam.appointment.Fixture.macau;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.appointment.internal.IcsWriter;
import io.gcam.core.GcamLocales;
import io.gcam.core.LocalizedText;
import io.gcam.testsupport.db.TestDatabases;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The calendar file is written by hand; ical4j, a well-kept RFC 5545 parser, reads it back. */
class CalendarFileTest {

    private static final String LONG_NAME_ZH = "市政署民政總署綜合服務中心文件核對及面試專用服務櫃檯（新口岸）第二期大樓地下";

    private HikariDataSource pool;
    private Fixture f;

    @BeforeEach
    void setUp() {
        pool = TestDatabases.h2().newPool(4);
        f = new Fixture(pool);
    }

    @AfterEach
    void tearDown() {
        pool.close();
    }

    @Test
    void writesAnEventThatIcal4jParsesWithTheSameTimesAndTexts() throws Exception {
        ServicePoint point = f.service.createServicePoint(ADMIN, ServicePointDefinition.builder()
                .agency("IAM")
                .name(LocalizedText.of("Civic Centre, Hall B; ground floor \\ north", LONG_NAME_ZH, "Centro Cívico"))
                .location(LocalizedText.of("Avenida da Praia Grande, 1; Macau\nEntrance on the left",
                        "南灣大馬路1號", "Avenida da Praia Grande, 1"))
                .hours(Fixture.officeHours())
                .counters("1")
                .build());
        BookableService s = f.bookable(point, 1, Duration.ofMinutes(30));
        Instant start = macau(2026, 3, 2, 14, 30);
        Reservation r = f.service.reserve(applicant(1), s.id(), start);
        f.service.confirm(applicant(1), r.appointment().id(), null);

        String english = f.service.calendarFile(applicant(1), r.appointment().id(), null, Locale.ENGLISH);
        String chinese = f.service.calendarFile(applicant(1), r.appointment().id(), null, GcamLocales.TRADITIONAL_CHINESE);

        for (String ics : new String[] {english, chinese}) {
            assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
            assertThat(ics.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
            for (String line : ics.split("\r\n")) {
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
            }
        }
        assertThat(chinese).contains("\r\n "); // the long Chinese summary is folded

        VEvent event = parse(english);
        assertThat(Instant.from(event.getStartDate().orElseThrow().getDate())).isEqualTo(start);
        assertThat(Instant.from(event.<Temporal>getEndDate().orElseThrow().getDate()))
                .isEqualTo(start.plus(Duration.ofMinutes(30)));
        assertThat(value(event, Property.UID)).isEqualTo(r.appointment().id().value() + "@gcam.appointment");
        assertThat(value(event, Property.SUMMARY))
                .isEqualTo("Document verification - Civic Centre, Hall B; ground floor \\ north");
        assertThat(value(event, Property.LOCATION)).isEqualTo("Avenida da Praia Grande, 1; Macau\nEntrance on the left");
        assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("1");

        VEvent zh = parse(chinese);
        assertThat(value(zh, Property.SUMMARY)).isEqualTo("文件核對 - " + LONG_NAME_ZH);
        assertThat(value(zh, Property.LOCATION)).isEqualTo("南灣大馬路1號");
    }

    @Test
    void aCancelledAppointmentGivesACancelledEventWithAHigherSequence() throws Exception {
        BookableService s = f.standard();
        Reservation r = f.service.reserve(applicant(1), s.id(), macau(2026, 3, 2, 9, 0));
        f.service.cancel(applicant(1), r.appointment().id(), null);

        String ics = f.service.calendarFile(Fixture.COUNTER, r.appointment().id(), null, Locale.ENGLISH);

        VEvent event = parse(ics);
        assertThat(value(event, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(event, Property.UID)).isEqualTo(r.appointment().id().value() + "@gcam.appointment");
    }

    @Test
    void foldsWithoutSplittingACharacterAndEscapesTextValues() throws Exception {
        String summary = "é".repeat(40) + "😀".repeat(20) + ",;\\";
        String ics = new IcsWriter("-//test//EN")
                .event("u1", Instant.EPOCH, Instant.EPOCH, Instant.EPOCH.plusSeconds(60), 0, "CONFIRMED", summary,
                        null, "line one\r\nline two")
                .finish();

        for (String line : ics.split("\r\n")) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(bytes.length).isLessThanOrEqualTo(75);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(line); // no broken character
        }
        VEvent event = parse(ics);
        assertThat(value(event, Property.SUMMARY)).isEqualTo(summary);
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo("line one\nline two");
    }

    private static VEvent parse(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate().hasErrors()).as("%s", calendar.validate()).isFalse();
        assertThat(calendar.getComponents()).hasSize(1);
        return (VEvent) calendar.getComponents().get(0);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }
}
