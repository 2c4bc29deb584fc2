package io.gcam.documents.internal;

import io.gcam.documents.DocumentErrorCode;
import io.gcam.documents.DocumentRejectedException;
import io.gcam.documents.DocumentRequirement;
import io.gcam.documents.FileNames;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.detect.zip.DefaultZipContainerDetector;
import org.apache.tika.detect.zip.OpenDocumentDetector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides what a staged upload is from its bytes only (Tika magic, then the ZIP container detector
 * for ZIP-based formats) and applies a requirement's checks. No file name or declared type is ever
 * given to Tika.
 */
public final class ContentInspector {

    private static final Set<String> ARCHIVES = Set.of("application/zip", "application/x-tar", "application/gzip",
            "application/x-gzip", "application/x-7z-compressed", "application/x-rar-compressed", "application/vnd.rar",
            "application/x-bzip2", "application/x-xz", "application/zstd", "application/java-archive",
            "application/x-compress", "application/x-archive", "application/x-cpio", "application/x-lzma");
    private static final Set<String> ZIP_FAMILY = Set.of("application/zip", "application/x-tika-ooxml",
            "application/x-tika-msoffice", "application/java-archive");

    private final MimeTypes mimeTypes = MimeTypes.getDefaultMimeTypes();
    private final DefaultZipContainerDetector zipDetector =
            new DefaultZipContainerDetector(List.of(new OoxmlDetector(), new OpenDocumentDetector()));

    /**
     * @param staged the staged upload
     * @return the media type detected from the content (without parameters)
     */
    public String detect(Path staged) {
        try {
            MediaType type;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(staged))) {
                type = mimeTypes.detect(in, new Metadata());
            }
            if (ZIP_FAMILY.contains(type.getBaseType().toString())) {
                try (TikaInputStream tis = TikaInputStream.get(staged)) {
                    MediaType container = zipDetector.detect(tis, new Metadata());
                    if (container != null && !MediaType.OCTET_STREAM.equals(container)) {
                        type = container;
                    }
                }
            }
            return type.getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Applies the requirement's checks in order: extension against content, archives, allowed
     * types, then the checks of the detected format.
     *
     * @param staged the staged upload
     * @param mediaType the detected media type
     * @param fileName the sanitized declared file name
     * @param requirement the requirement
     * @throws DocumentRejectedException when a check fails
     */
    public void check(Path staged, String mediaType, String fileName, DocumentRequirement requirement) {
        String extension = FileNames.extension(fileName);
        if (!extension.isEmpty() && !extensionsOf(mediaType).contains("." + extension)) {
            throw new DocumentRejectedException(DocumentErrorCode.DOCUMENT_CONTENT_MISMATCH, "." + extension, mediaType);
        }
        boolean archive = ARCHIVES.contains(mediaType);
        if (archive && (!requirement.allowArchives() || !mediaType.equals(DocumentRequirement.ZIP))) {
            throw new DocumentRejectedException(DocumentErrorCode.DOCUMENT_ARCHIVE_NOT_ALLOWED);
        }
        if (!requirement.allowedMediaTypes().contains(mediaType)) {
            throw new DocumentRejectedException(DocumentErrorCode.DOCUMENT_MEDIA_TYPE_NOT_ALLOWED, mediaType,
                    String.join(", ", requirement.allowedMediaTypes().stream().sorted().toList()));
        }
        try {
            if (mediaType.equals(DocumentRequirement.PDF)) {
                PdfChecks.Verdict verdict = PdfChecks.check(staged);
                if (verdict == PdfChecks.Verdict.MALFORMED) {
                    throw new DocumentRejectedException(DocumentErrorCode.DOCUMENT_PDF_MALFORMED);
                }
                if (verdict == PdfChecks.Verdict.ENCRYPTED && requirement.rejectEncryptedPdf()) {
                    throw new DocumentRejectedException(DocumentErrorCode.DOCUMENT_PDF_ENCRYPTED);
                }
            } else if (mediaType.startsWith("image/")) {
                long[] size;
                try (InputStream in = new BufferedInputStream(Files.newInputStream(staged))) {
                    size = ImageHeaders.dimensions(mediaType, in);
                }
                if (size == null && !mediaType.equals("image/svg+xml")) {
                    if (Set.of("image/png", "image/jpeg", "image/gif").contains(mediaType)) {
                        throw new DocumentRejectedException(DocumentErrorCode.DOCUMENT_IMAGE_MALFORMED);
                    }
                } else if (size != null) {
                    long pixels = Math.multiplyHigh(size[0], size[1]) != 0 ? Long.MAX_VALUE : size[0] * size[1];
                    if (size[0] == 0 || size[1] == 0) {
                        throw new DocumentRejectedException(DocumentErrorCode.DOCUMENT_IMAGE_MALFORMED);
                    }
                    if (pixels > requirement.maxPixels()) {
                        throw new DocumentRejectedException(DocumentErrorCode.DOCUMENT_IMAGE_TOO_LARGE, pixels,
                                requirement.maxPixels());
                    }
                }
            } else if (mediaType.equals(DocumentRequirement.ZIP) || mediaType.startsWith("application/vnd.openxmlformats")
                    || mediaType.startsWith("application/vnd.oasis.opendocument")) {
                ZipInspector.inspect(staged, requirement.archiveLimits());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> extensionsOf(String mediaType) {
        try {
            MimeType type = mimeTypes.forName(mediaType);
            return type.getExtensions().stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
        } catch (MimeTypeException e) {
            return List.of();
        }
    }
}
