package io.gcam.samples.portal.appointment;

import io.gcam.appointment.AppointmentService;
import io.gcam.appointment.BookableServiceDefinition;
import io.gcam.appointment.QueueService;
import io.gcam.appointment.ServicePoint;
import io.gcam.appointment.ServicePointDefinition;
import io.gcam.appointment.WeeklyHours;
import io.gcam.appointment.jdbc.JdbcAppointmentStore;
import io.gcam.appointment.jdbc.JdbcQueueStore;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.ConfiguredHolidayCalendar;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.core.LocalizedText;
import io.gcam.core.SynchronousEventPublisher;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.rest.appointment.AppointmentResources;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires gcam-appointment into the portal. */
public final class AppointmentWiring {

    /** The agency of the demo service point (the demo staff's agency). */
    static final String AGENCY = "SAFP";
    /** Macau public holidays of 2026 used by the demo (a sample, not an official list). */
    static final List<String> DEMO_HOLIDAYS = List.of("2026-01-01", "2026-02-17", "2026-02-18", "2026-02-19",
            "2026-04-03", "2026-04-04", "2026-04-05", "2026-05-01", "2026-10-01", "2026-10-02", "2026-12-20",
            "2026-12-25");

    /** The setting naming after how many seconds without a touch the kiosk clears its screen. */
    public static final String IDLE_SECONDS = "GCAM_KIOSK_IDLE_SECONDS";
    /** The setting naming how many minutes before an appointment the kiosk checks it in. */
    public static final String CHECK_IN_EARLY_MINUTES = "GCAM_CHECK_IN_EARLY_MINUTES";

    private static final Logger LOG = LoggerFactory.getLogger(AppointmentWiring.class);

    private AppointmentWiring() {
    }

    /**
     * Creates the appointment tables and services, registers the REST resources and the pages, and (in
     * demo mode) seeds the "Recruitment Centre" service point.
     *
     * @param config the portal's application
     * @param pool the portal's connection pool
     * @param clock the portal's clock
     * @param demo whether to seed the demo service point
     * @param env the portal's settings: {@value #IDLE_SECONDS} (after how many seconds without a touch
     *     the kiosk clears its screen; default 60) and {@value #CHECK_IN_EARLY_MINUTES} (how early
     *     before the appointment the kiosk checks in; default 60)
     * @throws io.gcam.core.GcamException {@code CONFIGURATION_INVALID} when a setting is not a
     *     positive number
     */
    public static void register(ResourceConfig config, DataSource pool, Clock clock, boolean demo,
            Map<String, String> env) {
        int idleSeconds = positive(env, IDLE_SECONDS, 60);
        int checkInEarly = positive(env, CHECK_IN_EARLY_MINUTES, 60);
        Migrations.migrate(pool, "appointment");
        LocalTransactions tx = LocalTransactions.over(pool);
        AuditTrail audit = AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build();
        JdbcAppointmentStore store = new JdbcAppointmentStore(tx.dataSource());
        AppointmentService appointments = AppointmentService.builder()
                .store(store)
                .transactions(tx)
                .audit(audit)
                .events(SynchronousEventPublisher.create())
                .holidays(ConfiguredHolidayCalendar.parse(DEMO_HOLIDAYS))
                .clock(clock)
                .build();
        QueueService queue = QueueService.builder()
                .appointments(store)
                .queue(new JdbcQueueStore(tx.dataSource()))
                .transactions(tx)
                .audit(audit)
                .events(SynchronousEventPublisher.create())
                .checkInWindow(Duration.ofMinutes(checkInEarly), Duration.ofMinutes(15))
                .clock(clock)
                .build();
        if (demo) {
            seed(appointments);
        }
        config.registerInstances(AppointmentResources.create(appointments, queue));
        config.registerInstances(AppointmentPages.create(appointments, idleSeconds));
    }

    static int positive(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID,
                name + " must be a positive whole number, not '" + value + "'");
    }

    /** Seeds the service point and its two services, unless the agency has a service point already. */
    static void seed(AppointmentService appointments) {
        Actor seeder = Actor.system("portal-demo-seed");
        if (!appointments.servicePoints(Actor.staff("portal-demo-seed", AGENCY, AppointmentService.ADMIN)).isEmpty()) {
            return;
        }
        ServicePoint centre = appointments.createServicePoint(seeder, ServicePointDefinition.builder()
                .agency(AGENCY)
                .name(LocalizedText.of("Recruitment Centre", "招聘中心", "Centro de Recrutamento"))
                .location(LocalizedText.of("Rua do Campo 162, Macao", "澳門水坑尾街162號", "Rua do Campo 162, Macau"))
                .hours(WeeklyHours.builder()
                        .open(LocalTime.of(9, 0), LocalTime.of(17, 30), DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                        .breakTime(LocalTime.of(13, 0), LocalTime.of(14, 30))
                        .build())
                .counters("1", "2", "3")
                .build());
        appointments.addService(seeder, BookableServiceDefinition.builder()
                .servicePoint(centre.id())
                .code("DOC-VERIFY")
                .name(LocalizedText.of("Document verification", "文件核對", "Verificação de documentos"))
                .slotLength(Duration.ofMinutes(15))
                .capacityPerSlot(2)
                .minimumNotice(Duration.ofHours(1))
                .maximumDaysAhead(30)
                .ticketPrefix("A")
                .build());
        appointments.addService(seeder, BookableServiceDefinition.builder()
                .servicePoint(centre.id())
                .code("INTERVIEW")
                .name(LocalizedText.of("Interview", "面試", "Entrevista"))
                .slotLength(Duration.ofMinutes(30))
                .capacityPerSlot(1)
                .minimumNotice(Duration.ofHours(24))
                .maximumDaysAhead(30)
                .ticketPrefix("C")
                .build());
        LOG.info("Seeded the demo service point {}", centre.id());
    }
}
