package io.gcam.samples.portal;

import io.gcam.core.Actor;
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
import java.util.TreeSet;
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
    private static final String LOGIN = "POST /api/v1/dev/login";
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
    private static final LocalizedText DEMO_USERS = LocalizedText.of(
            "Demo users", "示範用戶", "Utilizadores de demonstração");
    private static final LocalizedText USER = LocalizedText.of(
            "User", "用戶", "Utilizador");
    private static final LocalizedText KIND = LocalizedText.of(
            "Kind", "類別", "Tipo");
    private static final LocalizedText ROLE = LocalizedText.of(
            "Role", "角色", "Perfil");
    private static final LocalizedText AGENCY = LocalizedText.of(
            "Agency", "部門", "Serviço");
    private static final LocalizedText APPLICANT = LocalizedText.of(
            "Applicant", "申請人", "Candidato");
    private static final LocalizedText STAFF = LocalizedText.of(
            "Staff", "工作人員", "Trabalhador");

    /** Plain, readable and accessible (WCAG AA contrast); the page works without scripts. */
    private static final String STYLE = String.join("",
            "*,*::before,*::after{box-sizing:border-box}",
            "body{margin:0;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;line-height:1.6;",
            "color:#1b1b1b;background:#fff}",
            "body:lang(zh-Hant){font-family:system-ui,\"PingFang TC\",\"Microsoft JhengHei\",\"Noto Sans CJK TC\",sans-serif}",
            // Full-width bars, content in a centred 46rem column.
            "header,main,footer{padding:0 max(1rem,calc((100% - 46rem)/2))}",
            "header{padding-top:.75rem;padding-bottom:.75rem;border-bottom:1px solid #d0d7de}",
            "nav ul{display:flex;flex-wrap:wrap;justify-content:flex-end;gap:.25rem 1.25rem;list-style:none;margin:0;padding:0}",
            "a,a:visited{color:#0b57d0}a:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}",
            "nav a[aria-current=page]{color:#1b1b1b;font-weight:700;text-decoration:none}",
            "h1{font-size:2rem;line-height:1.25;margin:2rem 0 1rem}h2{font-size:1.35rem;margin:2rem 0 .5rem}",
            "code{font-family:ui-monospace,\"SFMono-Regular\",Menlo,Consolas,monospace;font-size:.9em;",
            "background:#f1f3f5;padding:.1rem .3rem;border-radius:4px}",
            "table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}",
            "th,td{text-align:left;padding:.4rem .75rem .4rem 0;border-bottom:1px solid #d0d7de;vertical-align:top}",
            "thead th{font-weight:600}tbody th{font-weight:400}",
            "footer{margin-top:2.5rem;padding-top:1rem;padding-bottom:2rem;border-top:1px solid #d0d7de;color:#4a4a4a}",
            "@media (max-width:30rem){h1{font-size:1.6rem}table{font-size:.875rem}th,td{padding-right:.4rem}",
            "td{word-break:keep-all}}");

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
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(tag).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(TITLE.in(locale))).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<header>\n<nav aria-label=\"").append(escape(LANGUAGE.in(locale)))
                .append("\">\n<ul>\n")
                .append(link("en", "English", tag)).append(link("zh-Hant", "繁體中文", tag))
                .append(link("pt", "Português", tag)).append("</ul>\n</nav>\n</header>\n<main>\n")
                .append("<h1>").append(escape(TITLE.in(locale))).append("</h1>\n")
                .append("<p>").append(escape(INTRO.in(locale))).append("</p>\n");
        if (mode == Settings.Mode.DEMO) {
            html.append("<section aria-labelledby=\"demo-users\">\n<h2 id=\"demo-users\">")
                    .append(escape(DEMO_USERS.in(locale))).append("</h2>\n<p>")
                    .append(escape(DEMO.in(locale)).replace(LOGIN, "<code>" + LOGIN + "</code>")).append("</p>\n")
                    .append("<table>\n<thead><tr><th scope=\"col\">").append(escape(USER.in(locale)))
                    .append("</th><th scope=\"col\">").append(escape(KIND.in(locale)))
                    .append("</th><th scope=\"col\">").append(escape(ROLE.in(locale)))
                    .append("</th><th scope=\"col\">").append(escape(AGENCY.in(locale)))
                    .append("</th></tr></thead>\n<tbody>\n");
            for (DemoUsers.DemoUser user : DemoUsers.SEED) {
                Actor actor = user.actor();
                html.append("<tr data-demo-user=\"").append(escape(user.username())).append("\"><th scope=\"row\"><code>")
                        .append(escape(user.username())).append("</code></th><td>")
                        .append(escape((actor.isStaff() ? STAFF : APPLICANT).in(locale))).append("</td><td>")
                        // long role names may break after an underscore on a phone
                        .append(escape(String.join(", ", new TreeSet<>(actor.roles()))).replace("_", "_<wbr>"))
                        .append("</td><td>")
                        .append(escape(actor.agency() == null ? "" : actor.agency())).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n</section>\n");
        }
        html.append("</main>\n<footer>\n<p><a href=\"/health\">").append(escape(STATUS.in(locale))).append("</a> · ")
                .append(escape(API.in(locale))).append(": <code>/api/v1</code></p>\n</footer>\n</body>\n</html>\n");
        return Response.ok(html.toString()).language(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    private static String link(String lang, String label, String current) {
        String aria = lang.equals(current) ? " aria-current=\"page\"" : "";
        return "<li><a href=\"/?lang=" + lang + "\" hreflang=\"" + lang + "\" lang=\"" + lang + "\"" + aria + ">" + label
                + "</a></li>\n";
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
