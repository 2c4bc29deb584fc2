package io.gcam.catalog;

/** The lifecycle of one version of a catalogue entry: draft &rarr; published &rarr; retired. */
public enum ServiceStatus {
    /** Being prepared by the agency's editors; visible only to them. */
    DRAFT,
    /** Visible to everyone from its effective date, until a newer version takes effect or it is retired. */
    PUBLISHED,
    /** No longer offered; kept for history. Final. */
    RETIRED
}
