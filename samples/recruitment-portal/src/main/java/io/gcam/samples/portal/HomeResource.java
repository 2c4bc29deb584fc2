package io.gcam.samples.portal;

import io.gcam.core.GcamLocales;
import io.gcam.core.LocalizedText;
import io.gcam.rest.Problems;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /}: the portal's home page in English, Traditional Chinese or Portuguese, chosen by
 * {@code ?lang=} or else by {@code Accept-Language}.
 */
@Path("/")
public final class HomeResource {

    private static final LocalizedText TITLE = LocalizedText.of(
            "Civil Service Recruitment Portal", "公務人員招聘入口網站", "Portal de Recrutamento da Função Pública");
    private static final LocalizedText INTRO = LocalizedText.of(
            "Apply for civil-service exams and follow your applications in one place.",
            "在同一個地方報考公務人員考試並跟進您的申請。",
            "Candidate-se a concursos da função pública e acompanhe as suas candidaturas num só lugar.");
    private static final LocalizedText DEMO = LocalizedText.of(
            "Demo mode: sign in as one of these demo users with POST /api/v1/dev/login.",
            "示範模式：可透過 POST /api/v1/dev/login 以下列示範用戶登入。",
            "Modo de demonstração: inicie sessão como um destes utilizadores com POST /api/v1/dev/login.");
    private static final LocalizedText API = LocalizedText.of(
            "API", "應用程式介面", "API");
    private static final LocalizedText STATUS = LocalizedText.of(
            "Service status", "服務狀態", "Estado do serviço");
    private static final LocalizedText LANGUAGE = LocalizedText.of(
            "Language", "語言", "Idioma");

    private final Settings.Mode mode;

    HomeResource(Settings.Mode mode) {
        this.mode = mode;
    }

    @GET
    @Produces("text/html;charset=UTF-8")
    public Response home(@QueryParam("lang") @Nullable String lang, @Context HttpHeaders headers) {
        Locale locale = lang != null && !lang.isBlank()
                ? GcamLocales.resolve(Locale.forLanguageTag(lang))
                : Problems.locale(headers);
        String tag = locale.toLanguageTag();
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(tag).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(TITLE.in(locale))).append("</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;"
                        + "line-height:1.5}nav a{margin-right:1rem}code{background:#f3f3f3;padding:0 .2rem}</style>\n")
                .append("</head>\n<body>\n<nav aria-label=\"").append(escape(LANGUAGE.in(locale))).append("\">")
                .append(link("en", "English", tag)).append(link("zh-Hant", "繁體中文", tag))
                .append(link("pt", "Português", tag)).append("</nav>\n")
                .append("<h1>").append(escape(TITLE.in(locale))).append("</h1>\n")
                .append("<p>").append(escape(INTRO.in(locale))).append("</p>\n");
        if (mode == Settings.Mode.DEMO) {
            html.append("<p>").append(escape(DEMO.in(locale))).append("</p>\n<ul>\n");
            for (DemoUsers.DemoUser user : DemoUsers.SEED) {
                html.append("<li><code>").append(escape(user.username())).append("</code>");
                if (user.actor().isStaff()) {
                    html.append(" (").append(escape(String.join(", ", user.actor().roles()))).append(", ")
                            .append(escape(user.actor().agency() == null ? "" : user.actor().agency())).append(')');
                }
                html.append("</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("<p><a href=\"/health\">").append(escape(STATUS.in(locale))).append("</a> · ")
                .append(escape(API.in(locale))).append(": <code>/api/v1</code></p>\n</body>\n</html>\n");
        return Response.ok(html.toString()).language(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    private static String link(String lang, String label, String current) {
        String aria = lang.equals(current) ? " aria-current=\"page\"" : "";
        return "<a href=\"/?lang=" + lang + "\" hreflang=\"" + lang + "\" lang=\"" + lang + "\"" + aria + ">" + label + "</a>";
    }

    private static String escape(String text) {
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
}
