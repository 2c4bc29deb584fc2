package io.gcam.core;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The shape of a reference number, written as a pattern in the style of DIGIT's ID formats, for
 * example {@code REC-[cy:yyyy]-[SEQ:6]-[CHK]} giving {@code REC-2026-000042-78}.
 *
 * <h2>Pattern syntax</h2>
 * <ul>
 *   <li>Literal text: ASCII letters, digits and the separators {@code - _ / . :}, copied as is.</li>
 *   <li>{@code [cy:<pattern>]}: the current date or time, rendered with a
 *       {@link DateTimeFormatter} pattern restricted to fixed-width numeric fields:
 *       {@code yyyy yy uuuu uu MM dd DDD HH mm ss}, optionally separated by {@code - _ / . :}
 *       (for example {@code [cy:yyyy]}, {@code [cy:yyyyMMdd]}, {@code [cy:yy-MM]}). Digits are always
 *       ASCII; the JVM default locale is never used. A format may have several date parts.</li>
 *   <li>{@code [SEQ:n]}: the running number, zero-padded to at least {@code n} digits
 *       ({@code 1 <= n <= 19}); {@code [SEQ]} means no padding. Exactly one is required. When the
 *       number outgrows {@code n} digits it simply gets longer ({@code [SEQ:3]} gives {@code 999},
 *       then {@code 1000}): it never wraps around and is never cut, so numbers stay unique.</li>
 *   <li>{@code [CHK]}: check characters computed with a {@link CheckAlgorithm} over every letter and
 *       digit before it (separators are skipped, letters count as {@code A=10 ... Z=35}, case
 *       ignored). Optional; when present it must be the last token. The algorithm defaults to
 *       {@link CheckAlgorithm#MOD_97_10}.</li>
 * </ul>
 *
 * <p>Token names are case-sensitive. A pattern that breaks these rules is refused when the format
 * is created, with a {@link GcamException} coded {@code CONFIGURATION_INVALID} that says what is
 * wrong and where.
 *
 * <h2>Reading numbers back</h2>
 * {@link #isValid(String)} and {@link #validate(String)} accept exactly the numbers this format can
 * render: the literal text, real dates and times, the canonical form of the running number (no
 * extra leading zeros, at least 1) and correct check characters. Input is compared as is (case
 * included): trim or upper-case user input before checking if the form allows it.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ReferenceNumberFormat {

    private static final String SEPARATORS = "-_/.:";
    private static final int MAX_SEQUENCE_WIDTH = 19;

    private final String pattern;
    private final List<Token> tokens;
    private final @Nullable CheckAlgorithm checkAlgorithm;
    private final int sequenceWidth;
    private final Pattern regex;

    private ReferenceNumberFormat(String pattern, @Nullable CheckAlgorithm requestedAlgorithm) {
        this.pattern = pattern;
        this.tokens = tokenize(pattern);
        int sequences = 0;
        int width = 0;
        int checks = 0;
        for (Token token : tokens) {
            if (token instanceof SequenceToken s) {
                sequences++;
                width = s.width();
            } else if (token instanceof CheckToken) {
                checks++;
            }
        }
        boolean check = checks > 0;
        if (checks > 1) {
            throw invalid(pattern, "it has more than one [CHK] token");
        }
        if (check && !(tokens.get(tokens.size() - 1) instanceof CheckToken)) {
            throw invalid(pattern, "[CHK] must be the last token, as the check covers everything before it");
        }
        if (sequences == 0) {
            throw invalid(pattern, "it has no [SEQ:n] token, so its numbers would not be unique");
        }
        if (sequences > 1) {
            throw invalid(pattern, "it has more than one [SEQ] token");
        }
        if (!check && requestedAlgorithm != null) {
            throw invalid(pattern, "a check algorithm (" + requestedAlgorithm + ") is set but the format has no [CHK] token");
        }
        this.sequenceWidth = width;
        this.checkAlgorithm = check ? (requestedAlgorithm != null ? requestedAlgorithm : CheckAlgorithm.MOD_97_10) : null;
        this.regex = Pattern.compile(regex(tokens, checkAlgorithm));
    }

    /**
     * Parses a pattern. A {@code [CHK]} token uses {@link CheckAlgorithm#MOD_97_10}.
     *
     * @param pattern the pattern, e.g. {@code REC-[cy:yyyy]-[SEQ:6]-[CHK]}
     * @return the format
     * @throws GcamException {@code CONFIGURATION_INVALID} when the pattern breaks the syntax rules
     */
    public static ReferenceNumberFormat of(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        return new ReferenceNumberFormat(pattern, null);
    }

    /**
     * Parses a pattern whose {@code [CHK]} token uses {@code checkAlgorithm}.
     *
     * @param pattern the pattern; it must contain {@code [CHK]}
     * @param checkAlgorithm the check character system
     * @return the format
     * @throws GcamException {@code CONFIGURATION_INVALID} when the pattern breaks the syntax rules or
     *     has no {@code [CHK]} token
     */
    public static ReferenceNumberFormat of(String pattern, CheckAlgorithm checkAlgorithm) {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(checkAlgorithm, "checkAlgorithm");
        return new ReferenceNumberFormat(pattern, checkAlgorithm);
    }

    /** @return the pattern this format was parsed from */
    public String pattern() {
        return pattern;
    }

    /** @return the check character system of the {@code [CHK]} token; empty when there is none */
    public Optional<CheckAlgorithm> checkAlgorithm() {
        return Optional.ofNullable(checkAlgorithm);
    }

    /** @return the minimum number of digits of the running number ({@code n} of {@code [SEQ:n]}) */
    public int sequenceWidth() {
        return sequenceWidth;
    }

    /**
     * The date parts of a number rendered at {@code time}: one string per {@code [cy:...]} token, in
     * pattern order.
     *
     * @param time the moment, already in the zone the numbers are issued in
     * @return the rendered date parts; empty when the pattern has none
     */
    public List<String> dateParts(ZonedDateTime time) {
        Objects.requireNonNull(time, "time");
        List<String> parts = new ArrayList<>();
        for (Token token : tokens) {
            if (token instanceof DateToken d) {
                parts.add(d.formatter().format(time));
            }
        }
        return List.copyOf(parts);
    }

    /**
     * Renders the number with running number {@code sequence} at {@code time}.
     *
     * @param time the moment, already in the zone the numbers are issued in
     * @param sequence the running number, at least 1
     * @return the reference number
     * @throws IllegalArgumentException when {@code sequence} is less than 1
     */
    public String render(ZonedDateTime time, long sequence) {
        return render(dateParts(time), sequence);
    }

    /** Renders with date parts from {@link #dateParts(ZonedDateTime)}. */
    String render(List<String> dateParts, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("a running number is at least 1, got " + sequence);
        }
        StringBuilder out = new StringBuilder();
        int date = 0;
        for (Token token : tokens) {
            if (token instanceof LiteralToken l) {
                out.append(l.text());
            } else if (token instanceof DateToken) {
                out.append(dateParts.get(date++));
            } else if (token instanceof SequenceToken s) {
                String digits = Long.toString(sequence);
                out.append("0".repeat(Math.max(0, s.width() - digits.length()))).append(digits);
            } else {
                out.append(Objects.requireNonNull(checkAlgorithm).compute(alphanumerics(out)));
            }
        }
        return out.toString();
    }

    /**
     * Whether {@code candidate} is a number this format could have rendered: right shape, real date
     * parts and, when the format has {@code [CHK]}, correct check characters.
     *
     * @param candidate the text to check, compared as is
     * @return whether it is valid
     */
    public boolean isValid(String candidate) {
        return problem(candidate) == null;
    }

    /**
     * Checks {@code candidate} like {@link #isValid(String)}, and says what is wrong.
     *
     * @param candidate the text to check, compared as is
     * @throws InvalidReferenceNumberException when it is not valid; {@link
     *     InvalidReferenceNumberException#reason()} tells a mistyped number from an incomplete one
     */
    public void validate(String candidate) {
        read(candidate);
    }

    /** The date parts and running number of a valid number. */
    Parts read(String candidate) {
        Object result = readOrProblem(candidate);
        if (result instanceof InvalidReferenceNumberException.Reason reason) {
            throw new InvalidReferenceNumberException(candidate, reason);
        }
        return (Parts) result;
    }

    private InvalidReferenceNumberException.@Nullable Reason problem(String candidate) {
        Object result = readOrProblem(candidate);
        return result instanceof InvalidReferenceNumberException.Reason reason ? reason : null;
    }

    private Object readOrProblem(String candidate) {
        Objects.requireNonNull(candidate, "candidate");
        Matcher matcher = regex.matcher(candidate);
        if (!matcher.matches()) {
            return InvalidReferenceNumberException.Reason.MALFORMED;
        }
        List<String> dateParts = new ArrayList<>();
        Map<ChronoField, Long> fields = new EnumMap<>(ChronoField.class);
        long sequence = 0;
        int group = 1;
        for (Token token : tokens) {
            if (token instanceof DateToken d) {
                String text = matcher.group(group++);
                dateParts.add(text);
                if (!d.readFields(text, fields)) {
                    return InvalidReferenceNumberException.Reason.INVALID_DATE;
                }
            } else if (token instanceof SequenceToken) {
                try {
                    sequence = Long.parseLong(matcher.group(group++));
                } catch (NumberFormatException e) {
                    return InvalidReferenceNumberException.Reason.MALFORMED;
                }
                if (sequence < 1) {
                    return InvalidReferenceNumberException.Reason.MALFORMED;
                }
            }
        }
        if (!isRealDate(fields)) {
            return InvalidReferenceNumberException.Reason.INVALID_DATE;
        }
        if (checkAlgorithm != null && !checkAlgorithm.isValid(alphanumerics(candidate))) {
            return InvalidReferenceNumberException.Reason.WRONG_CHECK_CHARACTERS;
        }
        return new Parts(List.copyOf(dateParts), sequence);
    }

    /** The number of {@code [cy:...]} tokens. */
    int datePartCount() {
        return (int) tokens.stream().filter(DateToken.class::isInstance).count();
    }

    /** The longest the date parts together can be, in characters (they have fixed widths). */
    int datePartsLength() {
        int length = 0;
        for (Token token : tokens) {
            if (token instanceof DateToken d) {
                length += d.pattern().length();
            }
        }
        return length;
    }

    /** @return the pattern */
    @Override
    public String toString() {
        return pattern;
    }

    /** Two formats are equal when they have the same pattern and check algorithm. */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ReferenceNumberFormat other && pattern.equals(other.pattern)
                && checkAlgorithm == other.checkAlgorithm;
    }

    @Override
    public int hashCode() {
        return pattern.hashCode() * 31 + Objects.hashCode(checkAlgorithm);
    }

    /** Date parts and running number read from a valid number. */
    record Parts(List<String> dateParts, long sequence) {
    }

    // ---------------------------------------------------------------------------------------------
    // Parsing the pattern

    private sealed interface Token permits LiteralToken, DateToken, SequenceToken, CheckToken {
    }

    private record LiteralToken(String text) implements Token {
    }

    private record SequenceToken(int width) implements Token {
    }

    private record CheckToken() implements Token {
    }

    /** One numeric field of a date part: its position in the rendered text and its width. */
    private record DateField(ChronoField field, int offset, int width, boolean twoDigitYear) {
    }

    private record DateToken(String pattern, DateTimeFormatter formatter, List<DateField> fields) implements Token {

        /** Reads the fields of {@code text} into {@code into}; false when a value is out of range or contradicts. */
        boolean readFields(String text, Map<ChronoField, Long> into) {
            for (DateField f : fields) {
                long value = Long.parseLong(text.substring(f.offset(), f.offset() + f.width()));
                if (f.twoDigitYear()) {
                    value += 2000; // the base year DateTimeFormatter uses for yy and uu
                }
                if (!f.field().range().isValidValue(value)) {
                    return false;
                }
                Long earlier = into.put(f.field(), value);
                if (earlier != null && earlier != value) {
                    return false;
                }
            }
            return true;
        }
    }

    private static List<Token> tokenize(String pattern) {
        if (pattern.isEmpty()) {
            throw invalid(pattern, "it is empty");
        }
        List<Token> tokens = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '[') {
                int close = pattern.indexOf(']', i + 1);
                int nested = pattern.indexOf('[', i + 1);
                if (close < 0) {
                    throw invalid(pattern, "the '[' at position " + (i + 1) + " is never closed with ']'");
                }
                if (nested >= 0 && nested < close) {
                    throw invalid(pattern, "the '[' at position " + (i + 1) + " opens a token inside a token");
                }
                if (literal.length() > 0) {
                    tokens.add(new LiteralToken(literal.toString()));
                    literal.setLength(0);
                }
                tokens.add(token(pattern, pattern.substring(i + 1, close), i + 1));
                i = close + 1;
            } else if (c == ']') {
                throw invalid(pattern, "the ']' at position " + (i + 1) + " has no matching '['");
            } else if (isAsciiLetterOrDigit(c) || SEPARATORS.indexOf(c) >= 0) {
                literal.append(c);
                i++;
            } else {
                throw invalid(pattern, "the character " + describe(c) + " at position " + (i + 1)
                        + " is not allowed; literal text may hold ASCII letters, digits and " + SEPARATORS);
            }
        }
        if (literal.length() > 0) {
            tokens.add(new LiteralToken(literal.toString()));
        }
        return List.copyOf(tokens);
    }

    private static Token token(String pattern, String body, int position) {
        if (body.equals("CHK")) {
            return new CheckToken();
        }
        if (body.equals("SEQ")) {
            return new SequenceToken(1);
        }
        if (body.startsWith("SEQ:")) {
            String width = body.substring(4);
            int n;
            try {
                n = width.matches("[0-9]{1,2}") ? Integer.parseInt(width) : -1;
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_SEQUENCE_WIDTH) {
                throw invalid(pattern, "the token [" + body + "] at position " + position
                        + " needs a width from 1 to " + MAX_SEQUENCE_WIDTH + ", e.g. [SEQ:6]");
            }
            return new SequenceToken(n);
        }
        if (body.startsWith("cy:")) {
            return dateToken(pattern, body.substring(3), position);
        }
        throw invalid(pattern, "the token [" + body + "] at position " + position
                + " is unknown; the tokens are [cy:<date pattern>], [SEQ:<width>] and [CHK] (case-sensitive)");
    }

    private static DateToken dateToken(String pattern, String datePattern, int position) {
        if (datePattern.isEmpty()) {
            throw invalid(pattern, "the date token at position " + position + " has no pattern, e.g. [cy:yyyy]");
        }
        List<DateField> fields = new ArrayList<>();
        int i = 0;
        while (i < datePattern.length()) {
            char c = datePattern.charAt(i);
            int run = i;
            while (run < datePattern.length() && datePattern.charAt(run) == c) {
                run++;
            }
            int count = run - i;
            if (SEPARATORS.indexOf(c) >= 0) {
                i = run;
                continue;
            }
            DateField field = dateField(c, count, i);
            if (field == null) {
                throw invalid(pattern, "the date token [cy:" + datePattern + "] at position " + position
                        + " uses '" + String.valueOf(c).repeat(count) + "'; only the fixed-width numeric fields"
                        + " yyyy yy uuuu uu MM dd DDD HH mm ss and the separators " + SEPARATORS + " are allowed");
            }
            fields.add(field);
            i = run;
        }
        if (fields.isEmpty()) {
            throw invalid(pattern, "the date token [cy:" + datePattern + "] at position " + position + " has no date field");
        }
        DateTimeFormatter formatter;
        try {
            formatter = DateTimeFormatter.ofPattern(datePattern, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(pattern, "the date token [cy:" + datePattern + "] at position " + position
                    + " is not a valid date pattern: " + e.getMessage());
        }
        return new DateToken(datePattern, formatter, List.copyOf(fields));
    }

    private static @Nullable DateField dateField(char letter, int count, int offset) {
        return switch (letter) {
            case 'y' -> count == 4 || count == 2 ? new DateField(ChronoField.YEAR_OF_ERA, offset, count, count == 2) : null;
            case 'u' -> count == 4 || count == 2 ? new DateField(ChronoField.YEAR, offset, count, count == 2) : null;
            case 'M' -> count == 2 ? new DateField(ChronoField.MONTH_OF_YEAR, offset, 2, false) : null;
            case 'd' -> count == 2 ? new DateField(ChronoField.DAY_OF_MONTH, offset, 2, false) : null;
            case 'D' -> count == 3 ? new DateField(ChronoField.DAY_OF_YEAR, offset, 3, false) : null;
            case 'H' -> count == 2 ? new DateField(ChronoField.HOUR_OF_DAY, offset, 2, false) : null;
            case 'm' -> count == 2 ? new DateField(ChronoField.MINUTE_OF_HOUR, offset, 2, false) : null;
            case 's' -> count == 2 ? new DateField(ChronoField.SECOND_OF_MINUTE, offset, 2, false) : null;
            default -> null;
        };
    }

    private static String regex(List<Token> tokens, @Nullable CheckAlgorithm check) {
        StringBuilder regex = new StringBuilder();
        for (Token token : tokens) {
            if (token instanceof LiteralToken l) {
                regex.append(Pattern.quote(l.text()));
            } else if (token instanceof DateToken d) {
                regex.append('(');
                for (char c : d.pattern().toCharArray()) {
                    regex.append(SEPARATORS.indexOf(c) >= 0 ? Pattern.quote(String.valueOf(c)) : "[0-9]");
                }
                regex.append(')');
            } else if (token instanceof SequenceToken s) {
                // exactly the padded width, or longer without a leading zero (the canonical form)
                regex.append("([0-9]{").append(s.width()).append("}|[1-9][0-9]{").append(s.width()).append(",})");
            } else {
                regex.append(Objects.requireNonNull(check) == CheckAlgorithm.MOD_97_10 ? "[0-9]{2}" : "[0-9X]");
            }
        }
        return regex.toString();
    }

    private static boolean isRealDate(Map<ChronoField, Long> fields) {
        Long year = fields.containsKey(ChronoField.YEAR) ? fields.get(ChronoField.YEAR) : fields.get(ChronoField.YEAR_OF_ERA);
        try {
            if (year != null && fields.containsKey(ChronoField.MONTH_OF_YEAR) && fields.containsKey(ChronoField.DAY_OF_MONTH)) {
                LocalDate.of(Math.toIntExact(year), Math.toIntExact(fields.get(ChronoField.MONTH_OF_YEAR)),
                        Math.toIntExact(fields.get(ChronoField.DAY_OF_MONTH)));
            } else if (fields.containsKey(ChronoField.MONTH_OF_YEAR) && fields.containsKey(ChronoField.DAY_OF_MONTH)) {
                LocalDate.of(2000, Math.toIntExact(fields.get(ChronoField.MONTH_OF_YEAR)),
                        Math.toIntExact(fields.get(ChronoField.DAY_OF_MONTH))); // a leap year: 29 February is real
            }
            if (year != null && fields.containsKey(ChronoField.DAY_OF_YEAR)) {
                LocalDate.ofYearDay(Math.toIntExact(year), Math.toIntExact(fields.get(ChronoField.DAY_OF_YEAR)));
            }
            return true;
        } catch (DateTimeException | ArithmeticException e) {
            return false;
        }
    }

    private static String alphanumerics(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isAsciiLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format(Locale.ROOT, "U+%04X", (int) c);
    }

    private static GcamException invalid(String pattern, String problem) {
        return new GcamException(CoreErrorCode.CONFIGURATION_INVALID,
                "reference number format '" + pattern + "' is invalid: " + problem);
    }
}
