package io.gcam.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.tika.detect.zip.StreamingDetectContext;
import org.apache.tika.detect.zip.ZipContainerDetector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.mime.MediaType;
import org.jspecify.annotations.Nullable;

/**
 * Tells Office Open XML documents (DOCX, XLSX, PPTX) from other ZIP files by the main part's
 * content type in {@code [Content_Types].xml}, without Apache POI. Tika's own OOXML detector
 * lives in tika-parser-microsoft-module, which pulls in POI and the parser stack.
 */
public final class OoxmlDetector implements ZipContainerDetector {

    private static final long serialVersionUID = 1L;
    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final int MAX_CONTENT_TYPES_BYTES = 1 << 20;

    @Override
    public @Nullable MediaType detect(ZipFile zipFile, TikaInputStream stream) throws IOException {
        ZipArchiveEntry entry = zipFile.getEntry(CONTENT_TYPES);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zipFile.getInputStream(entry)) {
            return fromContentTypes(in);
        }
    }

    @Override
    public @Nullable MediaType streamingDetectUpdate(ZipArchiveEntry entry, InputStream stream,
            StreamingDetectContext context) throws IOException {
        return CONTENT_TYPES.equals(entry.getName()) ? fromContentTypes(stream) : null;
    }

    @Override
    public @Nullable MediaType streamingDetectFinal(StreamingDetectContext context) {
        return null;
    }

    static @Nullable MediaType fromContentTypes(InputStream in) throws IOException {
        String xml = new String(in.readNBytes(MAX_CONTENT_TYPES_BYTES), StandardCharsets.UTF_8);
        if (xml.contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")) {
            return MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document");
        }
        if (xml.contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")) {
            return MediaType.application("vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
        if (xml.contains("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")) {
            return MediaType.application("vnd.openxmlformats-officedocument.presentationml.presentation");
        }
        return null;
    }
}
