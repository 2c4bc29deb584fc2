package io.gcam.documents;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Safe handling of file names supplied by uploaders. */
public final class FileNames {

    /** Longest sanitized name, in characters. */
    public static final int MAX_LENGTH = 200;

    private FileNames() {
    }

    /**
     * Turns an uploader's file name into one safe to store and show: path parts are dropped,
     * control, format (bidirectional override) and separator characters removed, Unicode normalized
     * to NFC, leading dots and surrounding spaces trimmed, and the result cut to
     * {@value #MAX_LENGTH} characters keeping the extension. Never empty: {@code document} stands
     * in for a name with nothing left.
     *
     * @param declared the name as uploaded, possibly {@code null}
     * @return the sanitized name
     */
    public static String sanitize(@Nullable String declared) {
        if (declared == null) {
            return "document";
        }
        String name = Normalizer.normalize(declared, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            int t = Character.getType(cp);
            boolean unsafe = t == Character.CONTROL || t == Character.FORMAT || t == Character.LINE_SEPARATOR
                    || t == Character.PARAGRAPH_SEPARATOR || t == Character.UNASSIGNED || t == Character.SURROGATE
                    || t == Character.PRIVATE_USE || cp == ':' || cp == '*' || cp == '?' || cp == '"' || cp == '<'
                    || cp == '>' || cp == '|';
            if (!unsafe) {
                out.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
            }
        });
        String cleaned = out.toString().strip();
        while (cleaned.startsWith(".")) {
            cleaned = cleaned.substring(1).strip();
        }
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
            String ext = extension(cleaned);
            String suffix = ext.isEmpty() || ext.length() > 16 ? "" : "." + ext;
            int keep = MAX_LENGTH - suffix.length();
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, keep)).strip() + suffix;
        }
        return cleaned.isEmpty() ? "document" : cleaned;
    }

    /**
     * @param name a file name
     * @return its extension in lower case without the dot, or an empty string
     */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return "";
        }
        return name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * An RFC 6266 {@code Content-Disposition: attachment} value for any name in any script: an
     * ASCII {@code filename=} fallback (non-ASCII, quotes and backslashes replaced by {@code _})
     * and the exact name as {@code filename*=UTF-8''...} (RFC 8187). The result holds printable
     * ASCII only, so it can never split or inject a header.
     *
     * @param fileName the name to offer (sanitized first)
     * @return the header value
     */
    public static String contentDisposition(String fileName) {
        String name = sanitize(fileName);
        StringBuilder ascii = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
