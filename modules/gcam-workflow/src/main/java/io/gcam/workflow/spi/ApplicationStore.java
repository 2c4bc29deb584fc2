package io.gcam.workflow.spi;

import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.workflow.Application;
import io.gcam.workflow.HistoryEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where applications and their history are kept. The workflow service calls it inside its
 * transaction; a JDBC implementation joins that transaction (see
 * {@link io.gcam.workflow.jdbc.JdbcApplicationStore}).
 *
 * <p>Guarantees an implementation must give (checked by {@code ApplicationStoreCompatibilityKit}
 * in gcam-testkit):
 * <ul>
 *   <li>{@link #update} is a compare-and-set on the version: of several concurrent updates from the
 *       same version, across threads and application instances, exactly one succeeds; the others
 *       return {@code false} and write nothing.</li>
 *   <li>An application and its history entry are written together or not at all.</li>
 *   <li>Reference numbers are unique.</li>
 *   <li>{@link #claimEscalation} succeeds for exactly one caller per state due date.</li>
 * </ul>
 */
public interface ApplicationStore {

    /**
     * Stores a new application (version 1) with its first history entry and the hashed second
     * factors of status inquiries.
     *
     * @param application the application
     * @param first its submission entry (sequence 1)
     * @param secrets the hashed inquiry factors, kept as given ({@link InquirySecrets#none()} for none)
     * @throws io.gcam.core.GcamException {@code CONFLICT} when the id or reference number exists
     */
    void insert(Application application, HistoryEntry first, InquirySecrets secrets);

    /**
     * Replaces the application if its stored version is still {@code expectedVersion}, and appends
     * the history entry.
     *
     * @param updated the new state, with version {@code expectedVersion + 1}
     * @param expectedVersion the version the change was based on
     * @param entry the history entry (sequence {@code expectedVersion + 1})
     * @return whether the update was made; {@code false} when the version changed meanwhile
     */
    boolean update(Application updated, long expectedVersion, HistoryEntry entry);

    /**
     * @param id an application id
     * @return the application, if stored
     */
    Optional<Application> find(String id);

    /**
     * @param referenceNumber a reference number
     * @return the application, if stored
     */
    Optional<Application> findByReference(String referenceNumber);

    /**
     * @param id an application id
     * @return the inquiry factors stored with it, exactly as inserted; {@link InquirySecrets#none()}
     *     for an unknown id
     */
    InquirySecrets inquirySecrets(String id);

    /**
     * @param id an application id
     * @return its history, oldest first; empty for an unknown id
     */
    List<HistoryEntry> history(String id);

    /**
     * @param query what to list
     * @param page which page
     * @return one page, in the order {@link ApplicationQuery} describes, with the total count
     */
    Page<Application> search(ApplicationQuery query, PageRequest page);

    /**
     * @param agency an agency
     * @param type an application type, or {@code null} for all
     * @return the number of its applications per state; states without applications are left out
     */
    Map<String, Long> countByState(String agency, @Nullable String type);

    /**
     * @param agency an agency, or {@code null} for every agency
     * @param firstDueDate the earliest state due date to include, or {@code null} for no lower bound
     * @param lastDueDate the latest state due date to include
     * @param unescalatedOnly whether to leave out applications whose breach was already escalated
     * @param limit the most applications to return
     * @return applications whose current state has a due date in that range, earliest due first
     *     (then by submission time and id)
     */
    List<Application> dueBetween(@Nullable String agency, @Nullable LocalDate firstDueDate, LocalDate lastDueDate,
            boolean unescalatedOnly, int limit);

    /**
     * Marks the SLA breach of the application's current state as escalated, if nobody did yet.
     *
     * @param id the application
     * @param stateDueOn the state due date the caller saw (a state change since then makes the
     *     claim fail)
     * @param at when
     * @return whether this caller made the claim
     */
    boolean claimEscalation(String id, LocalDate stateDueOn, Instant at);
}
