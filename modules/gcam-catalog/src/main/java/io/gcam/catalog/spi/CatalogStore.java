package io.gcam.catalog.spi;

import io.gcam.catalog.CaseRecord;
import io.gcam.catalog.CatalogException;
import io.gcam.catalog.Filing;
import io.gcam.catalog.ServiceEntry;
import io.gcam.core.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the catalogue keeps its entries (every version of every service), the filings made through
 * the single window, and the case records behind the performance figures. The JDBC implementation
 * is {@link io.gcam.catalog.jdbc.JdbcCatalogStore}; gcam-testkit has an in-memory one and the
 * {@code CatalogStoreCompatibilityKit} every implementation must pass.
 *
 * <p>Guarantees an implementation must give:
 * <ul>
 *   <li>A service code and version are stored once: a second {@link #insert} of the same pair fails
 *       and changes nothing, also when two application instances race.</li>
 *   <li>{@link #update} is compare-and-set on the revision: of two concurrent updates of one version
 *       exactly one succeeds.</li>
 *   <li>{@link #changeCount()} grows with every successful insert and update of an entry, so that
 *       instances sharing the store notice each other's changes.</li>
 *   <li>A filing is stored once per agency and application id; a case record once per application id.</li>
 *   <li>Writes join the caller's transaction when the store is transactional.</li>
 * </ul>
 */
public interface CatalogStore {

    /**
     * Stores a new version of a service.
     *
     * @param entry the version
     * @throws CatalogException {@code SERVICE_CODE_TAKEN} when version 1 of that code exists
     * @throws ConflictException {@code CONFLICT} when a later version with that number exists
     */
    void insert(ServiceEntry entry);

    /**
     * Replaces a stored version when its revision is still {@code expectedRevision}.
     *
     * @param entry the new state of the version (its revision is {@code expectedRevision + 1})
     * @param expectedRevision the revision the caller read
     * @return whether it was replaced; {@code false} when it is missing or changed concurrently
     */
    boolean update(ServiceEntry entry, long expectedRevision);

    /**
     * @param code a service code
     * @param version a version number
     * @return that version, if stored
     */
    Optional<ServiceEntry> find(String code, int version);

    /**
     * @param code a service code
     * @return every version of the service, oldest first; empty when the code is unknown
     */
    List<ServiceEntry> versions(String code);

    /**
     * @param agency an agency code, or {@code null} for all agencies
     * @return every version of every service of the agency, by code and then version
     */
    List<ServiceEntry> entries(@Nullable String agency);

    /** @return every version in status {@code PUBLISHED}, by code and then version */
    List<ServiceEntry> published();

    /** @return a number that grows with every change of an entry; compare it to notice changes */
    long changeCount();

    /**
     * @param filing a new filing
     * @throws ConflictException {@code CONFLICT} when the agency's application id is already recorded
     */
    void insertFiling(Filing filing);

    /**
     * @param applicantId a citizen's subject id
     * @return their filings, newest first
     */
    List<Filing> filingsOf(String applicantId);

    /**
     * Records that an application was received, unless it is already recorded.
     *
     * @param record the case, with {@code completedAt} {@code null}
     * @return whether it was recorded now
     */
    boolean recordReceived(CaseRecord record);

    /**
     * Records that an application reached a final state, unless it is unknown or already completed.
     *
     * @param applicationId the application
     * @param completedAt when
     * @return whether it was recorded now
     */
    boolean recordCompleted(String applicationId, Instant completedAt);

    /**
     * @param serviceCode a service
     * @param from start of the period, inclusive
     * @param to end of the period, exclusive
     * @return the service's cases received or completed in the period, by received time
     */
    List<CaseRecord> cases(String serviceCode, Instant from, Instant to);
}
