package io.gcam.notification.internal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ((placeholder))} parsing and rendering. */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(\\s*([A-Za-z0-9_.-]+)\\s*\\)\\)");

    private Placeholders() {
    }

    /**
     * @param template a template text
     * @return the placeholder names in order of first use
     */
    public static Set<String> names(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * Fills the placeholders; names without a value are added to {@code missing} and left empty.
     *
     * @param template the text
     * @param values values by name
     * @param html whether to HTML-escape values
     * @param missing collects missing names
     * @return the rendered text
     */
    public static String render(String template, Map<String, String> values, boolean html, Set<String> missing) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (m.find()) {
            String name = m.group(1);
            String value = values.get(name);
            if (value == null) {
                missing.add(name);
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(html ? escapeHtml(value) : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * @param s any text
     * @return true when it contains CR, LF or another line separator
     */
    public static boolean hasLineBreak(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /**
     * @param s any text
     * @return the text with {@code & < > " '} escaped
     */
    public static String escapeHtml(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
