package io.gcam.documents.internal;

import io.gcam.documents.ArchiveLimits;
import io.gcam.documents.DocumentErrorCode;
import io.gcam.documents.DocumentRejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Checks a ZIP file against {@link ArchiveLimits} from its central directory before anything is
 * extracted; nested ZIP entries are then read as streams, counting the bytes actually expanded.
 */
public final class ZipInspector {

    private final ArchiveLimits limits;
    private int entries;
    private long expanded;

    private ZipInspector(ArchiveLimits limits) {
        this.limits = limits;
    }

    /**
     * @param zip the staged file
     * @param limits the limits
     * @throws DocumentRejectedException when a limit is exceeded or the archive is damaged
     */
    public static void inspect(Path zip, ArchiveLimits limits) {
        new ZipInspector(limits).top(zip);
    }

    private void top(Path path) {
        try (ZipFile zip = ZipFile.builder().setPath(path).get()) {
            long declared = 0;
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements();) {
                ZipArchiveEntry entry = e.nextElement();
                countEntry(entry);
                long size = entry.getSize();
                if (size < 0) {
                    throw reject(DocumentErrorCode.DOCUMENT_ARCHIVE_MALFORMED);
                }
                declared += size;
                if (declared > limits.maxUncompressedBytes()) {
                    throw reject(DocumentErrorCode.DOCUMENT_ARCHIVE_TOO_LARGE, limits.maxUncompressedBytes());
                }
            }
            expanded = declared;
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements();) {
                ZipArchiveEntry entry = e.nextElement();
                if (!entry.isDirectory() && looksLikeZip(zip, entry)) {
                    try (InputStream in = new LimitedStream(zip.getInputStream(entry), entry.getSize())) {
                        nested(in, 2);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DocumentRejectedException rejected) {
                throw rejected;
            }
            throw new DocumentRejectedException(DocumentErrorCode.DOCUMENT_ARCHIVE_MALFORMED);
        }
    }

    private void nested(InputStream in, int depth) throws IOException {
        if (depth > limits.maxDepth()) {
            throw reject(DocumentErrorCode.DOCUMENT_ARCHIVE_TOO_DEEP, limits.maxDepth());
        }
        ZipArchiveInputStream zin = new ZipArchiveInputStream(in);
        ZipArchiveEntry entry;
        byte[] buffer = new byte[8192];
        while ((entry = zin.getNextEntry()) != null) {
            countEntry(entry);
            if (entry.isDirectory()) {
                continue;
            }
            byte[] head = zin.readNBytes(4);
            expand(head.length);
            if (isZipMagic(head)) {
                nested(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), new Counting(zin)),
                        depth + 1);
            } else {
                int n;
                while ((n = zin.read(buffer)) > 0) {
                    expand(n);
                }
            }
        }
    }

    private void countEntry(ZipArchiveEntry entry) {
        if (++entries > limits.maxEntries()) {
            throw reject(DocumentErrorCode.DOCUMENT_ARCHIVE_TOO_MANY_ENTRIES, limits.maxEntries());
        }
        String name = entry.getName().replace('\\', '/');
        if (entry.isUnixSymlink() || name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.equals("..")
                || name.startsWith("../") || name.contains("/../") || name.endsWith("/..") || name.indexOf('\0') >= 0) {
            throw reject(DocumentErrorCode.DOCUMENT_ARCHIVE_UNSAFE_ENTRY,
                    entry.isUnixSymlink() ? "symbolic link" : "path outside the archive");
        }
    }

    private void expand(long n) {
        expanded += n;
        if (expanded > limits.maxUncompressedBytes()) {
            throw reject(DocumentErrorCode.DOCUMENT_ARCHIVE_TOO_LARGE, limits.maxUncompressedBytes());
        }
    }

    private static boolean looksLikeZip(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return isZipMagic(in.readNBytes(4));
        }
    }

    private static boolean isZipMagic(byte[] head) {
        return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    private static DocumentRejectedException reject(DocumentErrorCode code, Object... args) {
        return new DocumentRejectedException(code, args);
    }

    /** Stops reading after the entry's declared size: a lying size cannot expand further. */
    private static final class LimitedStream extends java.io.FilterInputStream {
        private long left;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    /** Counts the bytes a nested archive expands to against the overall limit. */
    private final class Counting extends java.io.FilterInputStream {
        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                expand(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                expand(n);
            }
            return n;
        }
    }
}
