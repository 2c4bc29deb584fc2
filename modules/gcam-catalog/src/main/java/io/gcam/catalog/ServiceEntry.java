package io.gcam.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One version of a catalogue entry as stored. Versions of a service are numbered 1, 2, 3, ...;
 * the public sees the newest published version whose effective date has come.
 *
 * @param definition the content of this version
 * @param version the version number, 1 or more
 * @param status where this version stands in its lifecycle
 * @param effectiveFrom the first day the version is shown to the public, set when it is published;
 *     {@code null} while it is a draft
 * @param revision optimistic revision of this row: 1 when created, one higher after every change
 * @param createdAt when the version was created
 * @param updatedAt when the version last changed
 */
public record ServiceEntry(
        ServiceDefinition definition,
        int version,
        ServiceStatus status,
        @Nullable LocalDate effectiveFrom,
        long revision,
        Instant createdAt,
        Instant updatedAt) {

    /** Checks the fields. */
    public ServiceEntry {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1 || revision < 1) {
            throw new IllegalArgumentException("version and revision start at 1");
        }
        if (status != ServiceStatus.DRAFT && effectiveFrom == null) {
            throw new IllegalArgumentException("a published or retired version has an effective date");
        }
    }

    /** @return the service code */
    public String code() {
        return definition.code();
    }

    /** @return the owning agency */
    public String agency() {
        return definition.agency();
    }

    /**
     * @param newStatus the new status
     * @param newEffectiveFrom the effective date
     * @param at when the change happens
     * @return a copy with that status and effective date and the next revision
     */
    public ServiceEntry with(ServiceStatus newStatus, @Nullable LocalDate newEffectiveFrom, Instant at) {
        return new ServiceEntry(definition, version, newStatus, newEffectiveFrom, revision + 1, createdAt, at);
    }

    /**
     * @param newDefinition the new content (same code and agency)
     * @param at when the change happens
     * @return a copy with that content and the next revision
     */
    public ServiceEntry with(ServiceDefinition newDefinition, Instant at) {
        return new ServiceEntry(newDefinition, version, status, effectiveFrom, revision + 1, createdAt, at);
    }
}
