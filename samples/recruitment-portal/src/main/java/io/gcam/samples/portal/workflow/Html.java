package io.gcam.samples.portal.workflow;

import io.gcam.core.GcamLocales;
import io.gcam.core.LocalizedText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.rest.Problems;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The frame shared by the workflow pages (head, style, language links, escaping), and the labels
 * that scripted pages read from an embedded JSON element.
 */
public final class Html {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final LocalizedText LANGUAGE = LocalizedText.of("Language", "語言", "Idioma");
    private static final LocalizedText HOME = LocalizedText.of("Home", "首頁", "Início");

    /** Plain, readable and accessible (WCAG AA contrast); full-width bars, a centred column. */
    private static final String STYLE = String.join("",
            "*,*::before,*::after{box-sizing:border-box}",
            "body{margin:0;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;line-height:1.6;",
            "color:#1b1b1b;background:#fff}",
            "body:lang(zh-Hant){font-family:system-ui,\"PingFang TC\",\"Microsoft JhengHei\",\"Noto Sans CJK TC\",sans-serif}",
            "header,main{padding:0 max(1rem,calc((100% - 52rem)/2))}",
            "header{padding-top:.75rem;padding-bottom:.75rem;border-bottom:1px solid #d0d7de}",
            "nav ul{display:flex;flex-wrap:wrap;justify-content:flex-end;gap:.25rem 1.25rem;list-style:none;margin:0;padding:0}",
            "a,a:visited{color:#0b57d0}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible",
            "{outline:3px solid #0b57d0;outline-offset:2px}",
            "nav a[aria-current=page]{color:#1b1b1b;font-weight:700;text-decoration:none}",
            "h1{font-size:2rem;line-height:1.25;margin:2rem 0 1rem}h2{font-size:1.35rem;margin:2rem 0 .5rem}",
            "label{display:block;margin:.75rem 0 .25rem}",
            "input,select{font:inherit;padding:.35rem .5rem;border:1px solid #6e7781;border-radius:4px;max-width:100%}",
            "button{font:inherit;padding:.35rem .9rem;margin:.25rem .25rem .25rem 0;border:1px solid #0b57d0;",
            "border-radius:4px;background:#0b57d0;color:#fff;cursor:pointer}",
            "button.secondary{background:#fff;color:#0b57d0}",
            "table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}",
            "th,td{text-align:left;padding:.4rem .75rem .4rem 0;border-bottom:1px solid #d0d7de;vertical-align:top}",
            "ol.timeline{padding-left:1.25rem}ol.timeline li{margin:.35rem 0}",
            ".error{color:#a40e26;font-weight:600}.muted{color:#4a4a4a}",
            "@media (max-width:40rem){h1{font-size:1.6rem}table,thead,tbody,tr,th,td{display:block}",
            "thead{position:absolute;left:-9999px}tr{border-bottom:1px solid #d0d7de;padding:.5rem 0}",
            "th,td{border:0;padding:.15rem 0}}");

    private Html() {
    }

    /** @return {@code ?lang=} when given, else the best of {@code Accept-Language} */
    static Locale locale(@Nullable String lang, HttpHeaders headers) {
        return lang != null && !lang.isBlank() ? GcamLocales.resolve(Locale.forLanguageTag(lang))
                : Problems.locale(headers);
    }

    /** Opens the document: head, language links to {@code path}, {@code <main>} and the {@code h1}. */
    static StringBuilder open(Locale locale, String path, LocalizedText title) {
        String tag = locale.toLanguageTag();
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(tag).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title.in(locale))).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n<header>\n<nav aria-label=\"")
                .append(esc(LANGUAGE.in(locale))).append("\">\n<ul>\n")
                .append("<li><a href=\"/?lang=").append(tag).append("\">").append(esc(HOME.in(locale)))
                .append("</a></li>\n")
                .append(link(path, "en", "English", tag)).append(link(path, "zh-Hant", "繁體中文", tag))
                .append(link(path, "pt", "Português", tag)).append("</ul>\n</nav>\n</header>\n<main>\n<h1>")
                .append(esc(title.in(locale))).append("</h1>\n");
        return html;
    }

    /** Closes what {@link #open} opened. */
    static String close(StringBuilder html) {
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    private static String link(String path, String lang, String label, String current) {
        String aria = lang.equals(current) ? " aria-current=\"page\"" : "";
        return "<li><a href=\"" + path + "?lang=" + lang + "\" hreflang=\"" + lang + "\" lang=\"" + lang + "\"" + aria
                + ">" + label + "</a></li>\n";
    }

    static String esc(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * @param locale the page's language
     * @return the property of a {@link LocalizedText} in JSON ({@code en}, {@code zhHant} or
     *     {@code pt}) that a page's script shows in that language
     */
    public static String textKey(Locale locale) {
        return switch (locale.toLanguageTag()) {
            case "zh-Hant" -> "zhHant";
            case "pt" -> "pt";
            default -> "en";
        };
    }

    /**
     * @param values what a page's script reads
     * @return the values as JSON that is safe inside a {@code <script type="application/json">}
     *     element: "</" is written "<\/", so the text can never end the element early
     */
    public static String scriptJson(Map<String, ?> values) {
        try {
            return JSON.writeValueAsString(values).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
