package io.gcam.documents;

/**
 * Limits for archives a requirement allows (only ZIP archives are inspected; other archive
 * formats are refused). The same entry, size and path checks apply to ZIP-based documents such as
 * DOCX.
 *
 * @param maxEntries most entries, counted over all nesting levels
 * @param maxUncompressedBytes most bytes all entries may expand to, checked against the declared
 *     sizes before anything is extracted and again while nested archives are read
 * @param maxDepth how deep archives may be nested in archives (1: an archive of plain files)
 */
public record ArchiveLimits(int maxEntries, long maxUncompressedBytes, int maxDepth) {

    /** Defaults: 1,000 entries, 100 MiB uncompressed, depth 1. */
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(1_000, 100L << 20, 1);

    /** Checks that every limit is positive. */
    public ArchiveLimits {
        if (maxEntries < 1 || maxUncompressedBytes < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("archive limits must be positive");
        }
    }
}
