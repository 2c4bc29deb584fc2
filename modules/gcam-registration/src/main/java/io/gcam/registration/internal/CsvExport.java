package io.gcam.registration.internal;

import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.registration.Activity;
import io.gcam.registration.Registration;
import io.gcam.registration.RegistrationQuery;
import io.gcam.registration.Session;
import io.gcam.registration.spi.RegistrationStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/** Writes registrations as CSV for spreadsheet programs. */
public final class CsvExport {

    /** The UTF-8 byte order mark, so that Excel reads the file as UTF-8 (Chinese shows correctly). */
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private CsvExport() {
    }

    /**
     * @param store where the registrations are read from, page by page
     * @param activity the activity
     * @param query which registrations
     * @param out where the CSV goes; flushed, not closed
     * @param locale language of headers and venues
     * @param zone zone the times are shown in
     * @return the number of rows written
     */
    public static long write(RegistrationStore store, Activity activity, RegistrationQuery query, OutputStream out,
            Locale locale, ZoneId zone) {
        try {
            out.write(BOM);
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
            printer.printRecord(header(locale, "CSV_REGISTRATION_ID"), header(locale, "CSV_CANDIDATE_NUMBER"),
                    header(locale, "CSV_APPLICANT_ID"), header(locale, "CSV_STATUS"),
                    header(locale, "CSV_WAITLIST_POSITION"), header(locale, "CSV_SESSION_STARTS"),
                    header(locale, "CSV_VENUE"), header(locale, "CSV_REGISTERED_AT"),
                    header(locale, "CSV_CANCELLED_AT"));
            long rows = 0;
            PageRequest request = PageRequest.of(0, PageRequest.MAX_SIZE);
            while (true) {
                Page<Registration> page = store.registrations(query, request);
                for (Registration r : page.items()) {
                    Session session = activity.session(r.sessionId()).orElse(null);
                    printer.printRecord(safe(r.id().value()), safe(r.candidateNumber()), safe(r.applicantId()),
                            r.status().name(), r.waitlistPosition() == null ? "" : r.waitlistPosition().toString(),
                            session == null ? "" : time(session.startsAt(), zone),
                            session == null ? "" : safe(session.venue().in(locale)), time(r.registeredAt(), zone),
                            r.cancelledAt() == null ? "" : time(r.cancelledAt(), zone));
                    rows++;
                }
                if (!page.hasNext()) {
                    break;
                }
                request = request.next();
            }
            printer.flush();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Neutralises spreadsheet formulas (CSV injection): a cell starting with {@code =}, {@code +},
     * {@code -}, {@code @}, tab or carriage return gets a leading apostrophe.
     *
     * @param value a cell value, or {@code null}
     * @return the safe cell value; empty for {@code null}
     */
    public static String safe(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }

    private static String header(Locale locale, String key) {
        return Texts.text(key).in(locale);
    }

    private static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }
}
