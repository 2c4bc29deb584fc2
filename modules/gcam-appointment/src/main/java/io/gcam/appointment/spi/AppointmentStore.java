package io.gcam.appointment.spi;

import io.gcam.appointment.Appointment;
import io.gcam.appointment.AppointmentId;
import io.gcam.appointment.AppointmentStatus;
import io.gcam.appointment.BookableService;
import io.gcam.appointment.BookableServiceId;
import io.gcam.appointment.ServicePoint;
import io.gcam.appointment.ServicePointId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where service points, services and appointments live. The JDBC implementation is
 * {@code io.gcam.appointment.jdbc.JdbcAppointmentStore}; gcam-testkit has an in-memory one and the
 * {@code AppointmentStoreCompatibilityKit} every implementation must pass.
 *
 * <p>Guarantees an implementation must give, also across application instances sharing the store:
 * <ul>
 *   <li>A slot (service and start) never has more appointments that take a place
 *       ({@link AppointmentStatus#takesPlace()}, not counting lapsed holds) than its capacity.</li>
 *   <li>An applicant holds at most one active ({@link AppointmentStatus#isActive()}) appointment per
 *       service; lapsed holds do not count.</li>
 *   <li>Status changes are conditional on the expected status, so two concurrent changes of one
 *       appointment never both succeed.</li>
 *   <li>Each method is atomic; inside the caller's transaction it joins it.</li>
 * </ul>
 */
public interface AppointmentStore {

    /** @param servicePoint a new service point */
    void insertServicePoint(ServicePoint servicePoint);

    /**
     * @param id a service point id
     * @return the service point, if it exists
     */
    Optional<ServicePoint> findServicePoint(ServicePointId id);

    /**
     * @param agency an agency code, or {@code null} for every agency
     * @return the service points, in creation order
     */
    List<ServicePoint> servicePoints(@Nullable String agency);

    /** @param service a new bookable service of an existing service point */
    void insertService(BookableService service);

    /**
     * @param id a service id
     * @return the service, if it exists
     */
    Optional<BookableService> findService(BookableServiceId id);

    /**
     * @param servicePointId a service point, or {@code null} for all
     * @return its services, in creation order
     */
    List<BookableService> services(@Nullable ServicePointId servicePointId);

    /**
     * @param serviceId a service
     * @param from first slot start included
     * @param to slot starts before this are included
     * @param now the current time: holds lapsed by then do not count
     * @return the number of places taken per slot start, only slots with at least one
     */
    Map<Instant, Integer> placesTaken(BookableServiceId serviceId, Instant from, Instant to, Instant now);

    /**
     * Takes a place in the booking's slot and stores the appointment. Lapsed holds of that slot, and
     * the applicant's own lapsed holds for the service, are marked {@link AppointmentStatus#EXPIRED}
     * first when they stand in the way.
     *
     * @param booking the appointment and its slot's capacity
     * @param now the current time
     * @return the stored appointment
     * @throws io.gcam.appointment.AppointmentException {@code SLOT_FULL} when no place is free,
     *     {@code ALREADY_BOOKED} when the applicant holds an active appointment for the service;
     *     nothing is changed
     */
    Appointment book(Booking booking, Instant now);

    /**
     * @param id an appointment id
     * @return the appointment, if it exists
     */
    Optional<Appointment> findAppointment(AppointmentId id);

    /**
     * @param manageCodeDigest SHA-256 (hex) of a manage code
     * @return the appointment with that code, if any
     */
    Optional<Appointment> findByManageCode(String manageCodeDigest);

    /**
     * Changes an appointment's status if it is {@code from} now (and, for {@code HELD}, the hold has not
     * lapsed at {@code at}). Moving to {@code CANCELLED} or {@code EXPIRED} frees its place; moving to
     * {@code CONFIRMED} clears the hold expiry. Every change increments the sequence.
     *
     * @param id the appointment
     * @param from the status it must have
     * @param to the new status
     * @param at the time of the change
     * @return the changed appointment, or empty when it was not in {@code from} (or its hold lapsed)
     */
    Optional<Appointment> transition(AppointmentId id, AppointmentStatus from, AppointmentStatus to, Instant at);

    /**
     * Moves an active appointment to another slot of the same service: takes a place there and frees
     * the old one, atomically.
     *
     * @param id the appointment
     * @param start the new start
     * @param end the new end
     * @param capacity the new slot's capacity
     * @param at the time of the change
     * @return the moved appointment, or empty when it is no longer active (or its hold lapsed)
     * @throws io.gcam.appointment.AppointmentException {@code SLOT_FULL}; nothing is changed
     */
    Optional<Appointment> move(AppointmentId id, Instant start, Instant end, int capacity, Instant at);

    /**
     * Marks lapsed holds {@link AppointmentStatus#EXPIRED} and frees their places.
     *
     * @param now the current time
     * @param limit at most this many
     * @return the appointments that were expired by this call
     */
    List<Appointment> expireHolds(Instant now, int limit);

    /**
     * @param serviceId a service
     * @param from first start included
     * @param to starts before this are included
     * @return its appointments in that period, every status, by start then creation
     */
    List<Appointment> appointments(BookableServiceId serviceId, Instant from, Instant to);

    /**
     * @param applicantId an applicant's subject id
     * @return their appointments, newest first
     */
    List<Appointment> appointmentsOf(String applicantId);
}
