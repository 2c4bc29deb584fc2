package io.gcam.appointment.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * Writes an RFC 5545 calendar with one event: CRLF line ends, lines folded at 75 octets without
 * splitting a UTF-8 character, text values escaped, times in UTC.
 */
public final class IcsWriter {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    /**
     * Starts a VCALENDAR. No {@code METHOD} is written: the file is a calendar object to import, not
     * an iTIP (RFC 5546) scheduling message, which would need an organizer and attendees.
     */
    public IcsWriter(String productId) {
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:" + text(productId));
        line("CALSCALE:GREGORIAN");
    }

    /**
     * Adds the event.
     *
     * @return this writer
     */
    public IcsWriter event(String uid, Instant stamp, Instant start, Instant end, int sequence, String status,
            String summary, @Nullable String location, @Nullable String description) {
        line("BEGIN:VEVENT");
        line("UID:" + text(uid));
        line("DTSTAMP:" + UTC.format(stamp));
        line("DTSTART:" + UTC.format(start));
        line("DTEND:" + UTC.format(end));
        line("SEQUENCE:" + sequence);
        line("STATUS:" + status);
        line("SUMMARY:" + text(summary));
        if (location != null) {
            line("LOCATION:" + text(location));
        }
        if (description != null) {
            line("DESCRIPTION:" + text(description));
        }
        line("END:VEVENT");
        return this;
    }

    /** @return the calendar text */
    public String finish() {
        line("END:VCALENDAR");
        return out.toString();
    }

    /**
     * @param value a TEXT value
     * @return it escaped as RFC 5545 section 3.3.11 requires
     */
    public static String text(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                case '\r' -> {
                    if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
                        b.append("\\n");
                    }
                }
                default -> {
                    if (c < 0x20 && c != '\t' || c == 0x7f) {
                        continue; // other control characters are not allowed in TEXT
                    }
                    b.append(c);
                }
            }
        }
        return b.toString();
    }

    /** Appends a content line, folded at 75 octets (RFC 5545 section 3.1). */
    private void line(String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1; // the leading space counts
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
