package io.gcam.documents;

import io.gcam.core.LocalizedText;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One line of a document checklist: a document type, what is accepted for it and how many.
 * Built with {@link #builder(String)}.
 *
 * @param type the document type, e.g. {@code diploma} (lower case, digits and {@code -})
 * @param name localized name shown to applicants
 * @param help localized help text shown to applicants
 * @param allowedMediaTypes media types accepted, e.g. {@code application/pdf}; decided on the
 *     content only
 * @param maxBytes largest accepted file
 * @param minCount fewest documents of this type a complete application has (0: optional)
 * @param maxCount most documents of this type an owner may have
 * @param rejectEncryptedPdf whether encrypted or password-protected PDFs are refused
 * @param allowArchives whether ZIP archives are accepted (then within {@code archiveLimits})
 * @param archiveLimits limits for archives and ZIP-based documents (DOCX)
 * @param maxPixels largest accepted image, in pixels (width times height)
 * @param stripImageMetadata whether EXIF, GPS, XMP and comments are removed from JPEG images
 * @param retention how long accepted documents are kept before they may be purged
 */
public record DocumentRequirement(String type, LocalizedText name, LocalizedText help, Set<String> allowedMediaTypes,
        long maxBytes, int minCount, int maxCount, boolean rejectEncryptedPdf, boolean allowArchives,
        ArchiveLimits archiveLimits, long maxPixels, boolean stripImageMetadata, Period retention) {

    /** PDF. */
    public static final String PDF = "application/pdf";
    /** JPEG. */
    public static final String JPEG = "image/jpeg";
    /** PNG. */
    public static final String PNG = "image/png";
    /** Word document (OOXML). */
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    /** ZIP archive. */
    public static final String ZIP = "application/zip";

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    /** Checks the settings are consistent. */
    public DocumentRequirement {
        Objects.requireNonNull(type, "type");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("document type must be lower-case letters, digits and -: " + type);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        allowedMediaTypes = Set.copyOf(allowedMediaTypes);
        if (allowedMediaTypes.isEmpty()) {
            throw new IllegalArgumentException("requirement " + type + " allows no media type");
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        if (minCount < 0 || maxCount < 1 || minCount > maxCount) {
            throw new IllegalArgumentException("need 0 <= minCount <= maxCount and maxCount >= 1");
        }
        Objects.requireNonNull(archiveLimits, "archiveLimits");
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive");
        }
        if (allowedMediaTypes.contains(ZIP) && !allowArchives) {
            throw new IllegalArgumentException("requirement " + type + " lists application/zip but does not allow archives");
        }
    }

    /** @return whether a complete application needs at least one document of this type */
    public boolean required() {
        return minCount > 0;
    }

    /**
     * @param type the document type
     * @return a builder with defaults: required (1 to 1), 10 MiB, encrypted PDFs refused, no
     *     archives, 40 megapixels, image metadata kept, retained 5 years
     */
    public static Builder builder(String type) {
        return new Builder(type);
    }

    /** Builds a {@link DocumentRequirement}. */
    public static final class Builder {
        private final String type;
        private @Nullable LocalizedText name;
        private @Nullable LocalizedText help;
        private final Set<String> mediaTypes = new LinkedHashSet<>();
        private long maxBytes = 10L << 20;
        private int minCount = 1;
        private int maxCount = 1;
        private boolean rejectEncryptedPdf = true;
        private boolean allowArchives;
        private ArchiveLimits archiveLimits = ArchiveLimits.DEFAULT;
        private long maxPixels = 40_000_000L;
        private boolean stripImageMetadata;
        private Period retention = Period.ofYears(5);

        private Builder(String type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        /**
         * @param name localized name
         * @return this builder
         */
        public Builder name(LocalizedText name) {
            this.name = name;
            return this;
        }

        /**
         * @param help localized help text
         * @return this builder
         */
        public Builder help(LocalizedText help) {
            this.help = help;
            return this;
        }

        /**
         * @param types media types to accept (added to those already given)
         * @return this builder
         */
        public Builder allow(String... types) {
            for (String t : types) {
                mediaTypes.add(Objects.requireNonNull(t, "media type"));
            }
            return this;
        }

        /**
         * @param maxBytes largest accepted file in bytes
         * @return this builder
         */
        public Builder maxBytes(long maxBytes) {
            this.maxBytes = maxBytes;
            return this;
        }

        /**
         * @param min fewest documents a complete application has (0: optional)
         * @param max most documents an owner may have
         * @return this builder
         */
        public Builder count(int min, int max) {
            this.minCount = min;
            this.maxCount = max;
            return this;
        }

        /**
         * Makes the document optional (0 to the current maximum).
         *
         * @return this builder
         */
        public Builder optional() {
            this.minCount = 0;
            return this;
        }

        /**
         * @param reject whether encrypted PDFs are refused
         * @return this builder
         */
        public Builder rejectEncryptedPdf(boolean reject) {
            this.rejectEncryptedPdf = reject;
            return this;
        }

        /**
         * Accepts ZIP archives within the given limits (and adds {@code application/zip}).
         *
         * @param limits the archive limits
         * @return this builder
         */
        public Builder allowArchives(ArchiveLimits limits) {
            this.allowArchives = true;
            this.archiveLimits = Objects.requireNonNull(limits, "limits");
            mediaTypes.add(ZIP);
            return this;
        }

        /**
         * @param limits limits for ZIP-based documents such as DOCX
         * @return this builder
         */
        public Builder archiveLimits(ArchiveLimits limits) {
            this.archiveLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * @param maxPixels largest accepted image in pixels
         * @return this builder
         */
        public Builder maxPixels(long maxPixels) {
            this.maxPixels = maxPixels;
            return this;
        }

        /**
         * @param strip whether EXIF, GPS, XMP and comments are removed from JPEG images
         * @return this builder
         */
        public Builder stripImageMetadata(boolean strip) {
            this.stripImageMetadata = strip;
            return this;
        }

        /**
         * @param retention how long accepted documents are kept
         * @return this builder
         */
        public Builder retention(Period retention) {
            this.retention = Objects.requireNonNull(retention, "retention");
            return this;
        }

        /**
         * @return the requirement; the name defaults to the type
         * @throws IllegalArgumentException when the settings are inconsistent
         */
        public DocumentRequirement build() {
            LocalizedText n = name != null ? name : LocalizedText.english(type);
            LocalizedText h = help != null ? help : n;
            return new DocumentRequirement(type, n, h, mediaTypes, maxBytes, minCount, maxCount, rejectEncryptedPdf,
                    allowArchives, archiveLimits, maxPixels, stripImageMetadata, retention);
        }
    }
}
