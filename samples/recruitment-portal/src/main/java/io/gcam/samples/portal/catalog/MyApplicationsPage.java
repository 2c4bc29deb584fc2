package io.gcam.samples.portal.catalog;

import io.gcam.catalog.CatalogQuery;
import io.gcam.catalog.CatalogService;
import io.gcam.catalog.Channel;
import io.gcam.catalog.ServiceEntry;
import io.gcam.core.GcamLocales;
import io.gcam.core.LocalizedText;
import io.gcam.core.PageRequest;
import io.gcam.samples.portal.workflow.Html;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /applications}: "My applications", one citizen's applications across every agency with
 * their public status, and the services they can apply for online through the single window. The
 * page (labels, headings, the list of online services) is rendered on the server in the chosen
 * language; a small script signs in as a demo applicant ({@code POST /api/v1/dev/login}, demo mode),
 * lists {@code GET /api/v1/me/applications} and applies with
 * {@code POST /api/v1/catalog/services/{code}/applications}. When an agency's backend does not answer
 * in time, its applications are still listed, marked "status unavailable", and a notice names the
 * agency.
 */
@Path("/applications")
public final class MyApplicationsPage {

    static final LocalizedText TITLE = LocalizedText.of("My applications", "我的申請", "Os meus pedidos");
    /** The demo applicants. */
    static final List<String> APPLICANTS = List.of("applicant1", "applicant2", "applicant3");

    private static final LocalizedText INTRO = LocalizedText.of(
            "All your applications, whichever agency handles them, with their current status.",
            "您向各部門提出的所有申請及其目前狀態。",
            "Todos os seus pedidos, seja qual for o serviço que os trata, com o estado atual.");
    private static final LocalizedText USER = LocalizedText.of("Demo applicant", "示範申請人",
            "Candidato de demonstração");
    private static final LocalizedText SIGN_IN = LocalizedText.of("Sign in", "登入", "Iniciar sessão");
    private static final LocalizedText SERVICE = LocalizedText.of("Service", "服務", "Serviço");
    private static final LocalizedText AGENCY = LocalizedText.of("Agency", "部門", "Serviço público");
    private static final LocalizedText REFERENCE = LocalizedText.of("Reference", "編號", "Referência");
    private static final LocalizedText FILED = LocalizedText.of("Filed", "申請日期", "Data do pedido");
    private static final LocalizedText STATUS = LocalizedText.of("Status", "狀態", "Estado");
    private static final LocalizedText APPLY_HEADING = LocalizedText.of("Apply online", "網上申請", "Requerer online");
    private static final LocalizedText APPLY = LocalizedText.of("Apply", "申請", "Requerer");
    private static final LocalizedText SIGNED_IN = LocalizedText.of("Signed in as {0}. {1} applications.",
            "已登入：{0}。共 {1} 宗申請。", "Sessão iniciada como {0}. {1} pedidos.");
    private static final LocalizedText NONE = LocalizedText.of("You have no applications yet.", "您尚未提出任何申請。",
            "Ainda não tem pedidos.");
    private static final LocalizedText UNAVAILABLE = LocalizedText.of(
            "These agencies cannot be reached right now: {0}. Their applications are listed without their status;"
                    + " try again later.",
            "暫時未能連接以下部門：{0}。其申請仍列出，但未能顯示狀態，請稍後再試。",
            "Não é possível contactar estes serviços neste momento: {0}. Os seus pedidos são listados sem o estado;"
                    + " tente mais tarde.");
    private static final LocalizedText STATUS_UNAVAILABLE = LocalizedText.of("Status unavailable right now",
            "暫時未能顯示狀態", "Estado indisponível de momento");
    private static final LocalizedText STATUS_UNKNOWN = LocalizedText.of("Status unknown", "狀態不詳",
            "Estado desconhecido");
    private static final LocalizedText FILED_RECEIPT = LocalizedText.of(
            "Application {0} filed. Your access code for status inquiries: {1} (shown once).",
            "已提交申請 {0}。查詢進度的查詢碼：{1}（只顯示一次）。",
            "Pedido {0} apresentado. O seu código de acesso para consultar o estado: {1} (mostrado uma vez).");
    private static final LocalizedText SIGN_IN_FIRST = LocalizedText.of("Sign in first.", "請先登入。",
            "Inicie sessão primeiro.");
    private static final LocalizedText LANGUAGE = LocalizedText.of("Language", "語言", "Idioma");
    private static final LocalizedText HOME = LocalizedText.of("Home", "首頁", "Início");
    private static final List<String[]> LANGUAGES = List.of(
            new String[] {"en", "English"}, new String[] {"zh-Hant", "繁體中文"}, new String[] {"pt", "Português"});

    /** Plain, readable and accessible (WCAG AA contrast), like the other portal pages. */
    private static final String STYLE = String.join("",
            "*,*::before,*::after{box-sizing:border-box}",
            "body{margin:0;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;line-height:1.6;",
            "color:#1b1b1b;background:#fff;overflow-wrap:anywhere}",
            "header,main{padding:0 max(1rem,calc((100% - 52rem)/2))}",
            "header{padding-top:.75rem;padding-bottom:.75rem;border-bottom:1px solid #d0d7de}",
            "nav ul{display:flex;flex-wrap:wrap;justify-content:flex-end;gap:.25rem 1.25rem;list-style:none;margin:0;padding:0}",
            "a,a:visited{color:#0b57d0}a:focus-visible,button:focus-visible,select:focus-visible",
            "{outline:3px solid #0b57d0;outline-offset:2px}",
            "nav a[aria-current=page]{color:#1b1b1b;font-weight:700;text-decoration:none}",
            "h1{font-size:2rem;line-height:1.25;margin:2rem 0 1rem}h2{font-size:1.35rem;margin:2rem 0 .5rem}",
            "label{display:block;margin:.75rem 0 .25rem}",
            "select{font:inherit;padding:.35rem .5rem;border:1px solid #6e7781;border-radius:4px;max-width:100%}",
            "button{font:inherit;padding:.35rem .9rem;margin:.25rem .25rem .25rem 0;border:1px solid #0b57d0;",
            "border-radius:4px;background:#0b57d0;color:#fff;cursor:pointer}",
            "table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}",
            "th,td{text-align:left;padding:.4rem .75rem .4rem 0;border-bottom:1px solid #d0d7de;vertical-align:top}",
            ".notice{border-left:4px solid #9a6700;padding:.25rem .75rem;background:#fff8c5}",
            "td.unavailable{color:#6e4a00;font-style:italic}",
            "ul.services{list-style:none;padding:0}ul.services li{margin:.35rem 0}",
            "@media (max-width:40rem){h1{font-size:1.6rem}table,thead,tbody,tr,th,td{display:block}",
            "thead{position:absolute;left:-9999px}tr{border-bottom:1px solid #d0d7de;padding:.5rem 0}",
            "th,td{border:0;padding:.15rem 0}}");

    private final CatalogService catalog;

    MyApplicationsPage(CatalogService catalog) {
        this.catalog = catalog;
    }

    /**
     * @param lang {@code en}, {@code zh-Hant} or {@code pt}; else {@code Accept-Language}
     * @param headers the request headers
     * @return the page
     */
    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response page(@QueryParam("lang") @Nullable String lang, @Context HttpHeaders headers) {
        Locale locale = lang != null && !lang.isBlank() ? GcamLocales.resolve(Locale.forLanguageTag(lang))
                : GcamLocales.resolve(headers.getAcceptableLanguages());
        String tag = locale.toLanguageTag();
        StringBuilder html = new StringBuilder(12_288);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(tag).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(TITLE.in(locale))).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n<header>\n<nav aria-label=\"")
                .append(esc(LANGUAGE.in(locale))).append("\">\n<ul>\n<li><a href=\"/?lang=").append(tag).append("\">")
                .append(esc(HOME.in(locale))).append("</a></li>\n");
        for (String[] l : LANGUAGES) {
            html.append("<li><a href=\"/applications?lang=").append(l[0]).append("\" hreflang=\"").append(l[0])
                    .append("\" lang=\"").append(l[0]).append("\"").append(l[0].equals(tag) ? " aria-current=\"page\"" : "")
                    .append(">").append(l[1]).append("</a></li>\n");
        }
        html.append("</ul>\n</nav>\n</header>\n<main>\n<h1>").append(esc(TITLE.in(locale))).append("</h1>\n<p>")
                .append(esc(INTRO.in(locale))).append("</p>\n")
                .append("<form id=\"sign-in\">\n<label for=\"username\">").append(esc(USER.in(locale)))
                .append("</label>\n<select id=\"username\" name=\"username\">");
        for (String user : APPLICANTS) {
            html.append("<option>").append(esc(user)).append("</option>");
        }
        html.append("</select>\n<button type=\"submit\">").append(esc(SIGN_IN.in(locale)))
                .append("</button>\n</form>\n<p id=\"summary\" aria-live=\"polite\"></p>\n")
                .append("<p id=\"unavailable\" class=\"notice\" role=\"status\" hidden></p>\n")
                .append("<table id=\"mine\" hidden>\n<thead><tr><th scope=\"col\">").append(esc(SERVICE.in(locale)))
                .append("</th><th scope=\"col\">").append(esc(AGENCY.in(locale))).append("</th><th scope=\"col\">")
                .append(esc(REFERENCE.in(locale))).append("</th><th scope=\"col\">").append(esc(FILED.in(locale)))
                .append("</th><th scope=\"col\">").append(esc(STATUS.in(locale)))
                .append("</th></tr></thead>\n<tbody></tbody>\n</table>\n")
                .append("<h2>").append(esc(APPLY_HEADING.in(locale))).append("</h2>\n<ul class=\"services\">\n");
        List<ServiceEntry> online = catalog.search(CatalogQuery.builder().channel(Channel.ONLINE).build(),
                PageRequest.of(0, 50)).items();
        for (ServiceEntry e : online) {
            String name = e.definition().name().in(locale);
            html.append("<li data-service=\"").append(esc(e.code())).append("\">").append(esc(name)).append(" (")
                    .append(esc(e.agency())).append(") <button type=\"button\" data-apply=\"").append(esc(e.code()))
                    .append("\" aria-label=\"").append(esc(APPLY.in(locale) + ": " + name)).append("\">")
                    .append(esc(APPLY.in(locale))).append("</button></li>\n");
        }
        html.append("</ul>\n<p id=\"receipt\" aria-live=\"polite\"></p>\n")
                .append("<script type=\"application/json\" id=\"labels\">").append(labels(locale)).append("</script>\n")
                .append("<script>\n").append(SCRIPT).append("</script>\n</main>\n</body>\n</html>\n");
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(html.toString()).language(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .cacheControl(noStore).build();
    }

    private static String labels(Locale locale) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("signedIn", SIGNED_IN.in(locale));
        labels.put("none", NONE.in(locale));
        labels.put("unavailable", UNAVAILABLE.in(locale));
        labels.put("statusUnavailable", STATUS_UNAVAILABLE.in(locale));
        labels.put("statusUnknown", STATUS_UNKNOWN.in(locale));
        labels.put("filed", FILED_RECEIPT.in(locale));
        labels.put("signInFirst", SIGN_IN_FIRST.in(locale));
        labels.put("textKey", Html.textKey(locale));
        return Html.scriptJson(labels);
    }

    /** Renders the list with DOM calls and textContent only: no data is ever parsed as HTML. */
    private static final String SCRIPT = """
            const labels = JSON.parse(document.getElementById('labels').textContent);
            const lang = document.documentElement.lang;
            const format = (pattern, ...args) => args.reduce((s, a, i) => s.replace('{' + i + '}', a), pattern);
            const text = (t) => t ? (t[labels.textKey] || t.en) : '';
            const day = new Intl.DateTimeFormat(lang, {timeZone: 'Asia/Macau', year: 'numeric', month: '2-digit',
              day: '2-digit'});
            let token = sessionStorage.getItem('gcam-applicant-token');
            let who = sessionStorage.getItem('gcam-applicant-user');
            async function api(method, path, body, headers) {
              const response = await fetch(path, {method, headers: Object.assign({'Authorization': 'Bearer ' + token,
                'Accept-Language': lang, 'Content-Type': 'application/json'}, headers || {}),
                body: body && JSON.stringify(body)});
              const json = await response.json().catch(() => ({}));
              return {status: response.status, json};
            }
            let loads = 0;
            async function load() {
              const summary = document.getElementById('summary');
              const mine = ++loads;
              const {status, json} = await api('GET', '/api/v1/me/applications');
              if (mine !== loads) return; // a later load (another sign-in, a new application) answers instead
              if (status !== 200) { summary.textContent = json.detail || String(status); return; }
              const table = document.getElementById('mine');
              const body = table.querySelector('tbody');
              body.replaceChildren();
              summary.textContent = format(labels.signedIn, who, json.items.length)
                  + (json.items.length ? '' : ' ' + labels.none);
              const notice = document.getElementById('unavailable');
              notice.hidden = json.unavailableAgencies.length === 0;
              notice.textContent = format(labels.unavailable, json.unavailableAgencies.join(', '));
              table.hidden = json.items.length === 0;
              for (const item of json.items) {
                const row = body.insertRow();
                row.dataset.reference = item.referenceNumber;
                row.dataset.agency = item.agency;
                row.dataset.available = String(item.available);
                row.insertCell().textContent = text(item.serviceName) || item.serviceCode;
                row.insertCell().textContent = item.agency;
                row.insertCell().textContent = item.referenceNumber;
                row.insertCell().textContent = day.format(new Date(item.filedAt));
                const status = row.insertCell();
                status.className = 'status' + (item.available ? '' : ' unavailable');
                status.textContent = !item.available ? labels.statusUnavailable
                    : item.status ? text(item.status) : labels.statusUnknown;
              }
            }
            for (const button of document.querySelectorAll('button[data-apply]')) {
              button.addEventListener('click', async () => {
                const receipt = document.getElementById('receipt');
                if (!token) { receipt.textContent = labels.signInFirst; return; }
                const key = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
                const {status, json} = await api('POST', '/api/v1/catalog/services/'
                    + encodeURIComponent(button.dataset.apply) + '/applications', {formData: {}}, {'Idempotency-Key': key});
                if (status === 201) {
                  receipt.dataset.reference = json.referenceNumber;
                  receipt.textContent = format(labels.filed, json.referenceNumber, json.accessCode || '');
                  await load();
                } else {
                  receipt.textContent = json.detail || json.title || String(status);
                }
              });
            }
            document.getElementById('sign-in').addEventListener('submit', async (event) => {
              event.preventDefault();
              const username = document.getElementById('username').value;
              const login = await fetch('/api/v1/dev/login', {method: 'POST',
                headers: {'Content-Type': 'application/json'}, body: JSON.stringify({username})});
              if (!login.ok) { document.getElementById('summary').textContent = String(login.status); return; }
              token = (await login.json()).token;
              who = username;
              sessionStorage.setItem('gcam-applicant-token', token);
              sessionStorage.setItem('gcam-applicant-user', who);
              await load();
            });
            if (token) load();
            """;

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
