package io.gcam.samples.portal.records;

import io.gcam.core.GcamLocales;
import io.gcam.core.LocalizedText;
import io.gcam.records.CustodyAction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /records}: the staff page to browse records, see a record's custody timeline, send a
 * transfer and acknowledge the transfers waiting for one's agency. Signing in (a demo user) and the
 * data use the JSON API from a small script; every label is rendered here in the page's language.
 */
@Path("/records")
public final class RecordsPage {

    private static final LocalizedText TITLE = LocalizedText.of("Records", "檔案管理", "Arquivo");
    private static final LocalizedText USER = LocalizedText.of("Demo staff user", "示範職員", "Funcionário de demonstração");
    private static final LocalizedText SIGN_IN = LocalizedText.of("Sign in", "登入", "Entrar");
    private static final LocalizedText BROWSE = LocalizedText.of("Browse records", "瀏覽檔案", "Consultar registos");
    private static final LocalizedText KEYWORD = LocalizedText.of("Keyword or title", "關鍵字或標題", "Palavra-chave ou título");
    private static final LocalizedText CASE = LocalizedText.of("Application or case reference", "申請或個案編號",
            "Referência do pedido ou processo");
    private static final LocalizedText SEARCH = LocalizedText.of("Search", "搜尋", "Pesquisar");
    private static final LocalizedText REFERENCE = LocalizedText.of("Reference", "編號", "Referência");
    private static final LocalizedText RECORD_TITLE = LocalizedText.of("Title", "標題", "Título");
    private static final LocalizedText LEVEL = LocalizedText.of("Security level", "保密級別", "Nível de segurança");
    private static final LocalizedText HELD_BY = LocalizedText.of("Held by", "保管單位", "À guarda de");
    private static final LocalizedText TIMELINE = LocalizedText.of("Custody timeline", "保管記錄", "Cadeia de custódia");
    private static final LocalizedText TRANSFER = LocalizedText.of("Send to another department", "移交至其他部門",
            "Enviar para outro serviço");
    private static final LocalizedText AGENCY = LocalizedText.of("Agency", "機構", "Organismo");
    private static final LocalizedText DEPARTMENT = LocalizedText.of("Department", "部門", "Subunidade");
    private static final LocalizedText NOTE = LocalizedText.of("Note", "備註", "Nota");
    private static final LocalizedText SEND = LocalizedText.of("Send", "移交", "Enviar");
    private static final LocalizedText INCOMING = LocalizedText.of("Transfers waiting for your acknowledgement",
            "待你確認接收的移交", "Transferências à espera da sua confirmação");
    private static final LocalizedText ACKNOWLEDGE = LocalizedText.of("Acknowledge receipt", "確認接收", "Confirmar receção");
    private static final LocalizedText NONE = LocalizedText.of("Nothing to show.", "沒有資料。", "Nada a mostrar.");
    private static final LocalizedText FOUND = LocalizedText.of("records found", "份檔案", "registos encontrados");
    private static final LocalizedText INTACT = LocalizedText.of("The custody chain is intact ({0} events checked).",
            "保管記錄完整（已核對 {0} 項）。", "A cadeia de custódia está íntegra ({0} eventos verificados).");
    private static final LocalizedText BROKEN = LocalizedText.of("The custody chain is broken at event {0}.",
            "保管記錄於第 {0} 項被竄改。", "A cadeia de custódia está quebrada no evento {0}.");
    private static final LocalizedText SENT = LocalizedText.of("Transfer sent; it waits for acknowledgement.",
            "已移交，待接收方確認。", "Transferência enviada; aguarda confirmação.");
    private static final LocalizedText ACKNOWLEDGED = LocalizedText.of("Receipt acknowledged.", "已確認接收。",
            "Receção confirmada.");
    private static final LocalizedText FROM = LocalizedText.of("from", "來自", "de");
    private static final Map<CustodyAction, LocalizedText> ACTIONS = actions();

    RecordsPage() {
    }

    private static Map<CustodyAction, LocalizedText> actions() {
        Map<CustodyAction, LocalizedText> m = new LinkedHashMap<>();
        m.put(CustodyAction.REGISTERED, LocalizedText.of("Registered", "登記", "Registado"));
        m.put(CustodyAction.VIEWED, LocalizedText.of("Viewed", "查閱", "Consultado"));
        m.put(CustodyAction.DOWNLOADED, LocalizedText.of("Downloaded", "下載", "Descarregado"));
        m.put(CustodyAction.CHECKED_OUT, LocalizedText.of("Checked out", "取出編輯", "Retirado para edição"));
        m.put(CustodyAction.CHECKED_IN, LocalizedText.of("New version checked in", "登入新版本", "Nova versão entregue"));
        m.put(CustodyAction.CHECK_OUT_CANCELLED, LocalizedText.of("Check-out cancelled", "取消取出", "Retirada cancelada"));
        m.put(CustodyAction.TRANSFER_SENT, LocalizedText.of("Transfer sent", "已移交", "Transferência enviada"));
        m.put(CustodyAction.TRANSFER_ACKNOWLEDGED, LocalizedText.of("Transfer acknowledged", "已確認接收",
                "Transferência confirmada"));
        m.put(CustodyAction.LOCATION_CHANGED, LocalizedText.of("Moved", "存放位置變更", "Mudou de local"));
        m.put(CustodyAction.CLOSED, LocalizedText.of("Closed", "結案", "Fechado"));
        m.put(CustodyAction.LEGAL_HOLD_PLACED, LocalizedText.of("Legal hold placed", "實施法律保全", "Retenção legal aplicada"));
        m.put(CustodyAction.LEGAL_HOLD_RELEASED, LocalizedText.of("Legal hold released", "解除法律保全",
                "Retenção legal levantada"));
        m.put(CustodyAction.ARCHIVED, LocalizedText.of("Transferred to the archives", "移交檔案館", "Entregue ao arquivo"));
        return m;
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
        StringBuilder labels = new StringBuilder("{");
        put(labels, "none", NONE.in(locale));
        put(labels, "found", FOUND.in(locale));
        put(labels, "intact", INTACT.in(locale));
        put(labels, "broken", BROKEN.in(locale));
        put(labels, "sent", SENT.in(locale));
        put(labels, "acknowledged", ACKNOWLEDGED.in(locale));
        put(labels, "acknowledge", ACKNOWLEDGE.in(locale));
        put(labels, "from", FROM.in(locale));
        for (Map.Entry<CustodyAction, LocalizedText> a : ACTIONS.entrySet()) {
            put(labels, a.getKey().actionName(), a.getValue().in(locale));
        }
        labels.setLength(labels.length() - 1);
        labels.append('}');
        String titleKey = locale.equals(GcamLocales.TRADITIONAL_CHINESE) ? "zhHant"
                : locale.getLanguage().equals("pt") ? "pt" : "en";
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(tag).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(TITLE.in(locale))).append("</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;")
                .append("line-height:1.6;color:#1b1b1b}label{display:block;margin-top:.5rem}")
                .append("table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem;")
                .append("border-bottom:1px solid #ccc;overflow-wrap:anywhere}")
                .append("output{display:block;white-space:pre-wrap;background:#f3f3f3;padding:.5rem;margin-top:1rem}")
                .append("</style>\n</head>\n<body>\n<main>\n<h1>").append(esc(TITLE.in(locale))).append("</h1>\n")
                .append("<form id=\"signin\">\n<label>").append(esc(USER.in(locale)))
                .append(" <select name=\"username\"><option>reviewer1</option><option>approver1</option>")
                .append("<option>admin1</option></select></label>\n<p><button type=\"submit\">")
                .append(esc(SIGN_IN.in(locale))).append("</button></p>\n</form>\n")
                .append("<section id=\"browse\" hidden>\n<h2>").append(esc(BROWSE.in(locale))).append("</h2>\n")
                .append("<form id=\"search\">\n<label>").append(esc(KEYWORD.in(locale)))
                .append(" <input name=\"keyword\"></label>\n<label>").append(esc(CASE.in(locale)))
                .append(" <input name=\"caseReference\"></label>\n<p><button type=\"submit\">").append(esc(SEARCH.in(locale)))
                .append("</button></p>\n</form>\n<p id=\"count\"></p>\n<table id=\"records\">\n<thead><tr><th>")
                .append(esc(REFERENCE.in(locale))).append("</th><th>").append(esc(RECORD_TITLE.in(locale)))
                .append("</th><th>").append(esc(LEVEL.in(locale))).append("</th><th>").append(esc(HELD_BY.in(locale)))
                .append("</th></tr></thead>\n<tbody></tbody>\n</table>\n</section>\n")
                .append("<section id=\"detail\" hidden>\n<h2>").append(esc(TIMELINE.in(locale)))
                .append(": <span id=\"detail-reference\"></span></h2>\n<p id=\"verification\"></p>\n<ol id=\"timeline\"></ol>\n")
                .append("<h3>").append(esc(TRANSFER.in(locale))).append("</h3>\n<form id=\"transfer\">\n<label>")
                .append(esc(AGENCY.in(locale))).append(" <input name=\"toAgency\" value=\"SAFP\" required></label>\n<label>")
                .append(esc(DEPARTMENT.in(locale))).append(" <input name=\"toDepartment\" value=\"ARCHIVE\" required></label>\n")
                .append("<label>").append(esc(NOTE.in(locale))).append(" <input name=\"note\"></label>\n")
                .append("<p><button type=\"submit\">").append(esc(SEND.in(locale))).append("</button></p>\n</form>\n</section>\n")
                .append("<section id=\"incoming\" hidden>\n<h2>").append(esc(INCOMING.in(locale)))
                .append("</h2>\n<ul id=\"pending\"></ul>\n</section>\n")
                .append("<output id=\"message\" aria-live=\"polite\"></output>\n</main>\n<script>\n")
                .append("const T = ").append(labels).append(";\n")
                .append("const TITLE = '").append(titleKey).append("';\n")
                .append(SCRIPT)
                .append("</script>\n</body>\n</html>\n");
        return Response.ok(html.toString()).language(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    private static final String SCRIPT = """
            let token = null;
            let current = null;
            const lang = document.documentElement.lang;
            const message = document.getElementById('message');
            async function api(method, path, body) {
              const headers = {'Authorization': 'Bearer ' + token, 'Accept-Language': lang};
              if (body) { headers['Content-Type'] = 'application/json'; }
              if (method === 'POST' && path.endsWith('/transfers')) { headers['Idempotency-Key'] = Date.now() + '-' + Math.random().toString(36).slice(2); }
              const response = await fetch(path, {method, headers, body: body ? JSON.stringify(body) : undefined});
              const json = await response.json();
              if (!response.ok) { message.textContent = json.detail || json.title || response.status; throw json; }
              return json;
            }
            function cell(row, text) { const td = document.createElement('td'); td.textContent = text; row.appendChild(td); return td; }
            function title(t) { return t[TITLE] || t.en; }
            async function search() {
              const form = new FormData(document.getElementById('search'));
              const keyword = form.get('keyword') || '', caseReference = (form.get('caseReference') || '').trim();
              const page = await api('GET', '/api/v1/records?size=50&keyword=' + encodeURIComponent(keyword)
                  + (caseReference ? '&caseReference=' + encodeURIComponent(caseReference) : ''));
              const body = document.querySelector('#records tbody');
              body.replaceChildren();
              document.getElementById('count').textContent = page.total === 0 ? T.none : page.total + ' ' + T.found;
              for (const r of page.items) {
                const row = document.createElement('tr');
                row.dataset.record = r.id;
                const ref = document.createElement('td');
                const link = document.createElement('a');
                link.href = '#' + r.id; link.textContent = r.reference;
                link.addEventListener('click', (e) => { e.preventDefault(); show(r.id); });
                ref.appendChild(link); row.appendChild(ref);
                cell(row, title(r.title)); cell(row, r.securityLevel);
                cell(row, r.custodianAgency + ' / ' + r.custodianDepartment);
                body.appendChild(row);
              }
            }
            async function show(id) {
              current = id;
              const record = await api('GET', '/api/v1/records/' + id);
              document.getElementById('detail-reference').textContent = record.reference + ' ' + title(record.title);
              const custody = await api('GET', '/api/v1/records/' + id + '/custody?limit=1000');
              const list = document.getElementById('timeline');
              list.replaceChildren();
              for (const e of custody.events) {
                const li = document.createElement('li');
                li.dataset.action = e.action;
                li.textContent = new Date(e.at).toLocaleString(lang) + ' · ' + (T[e.action] || e.action) + ' · ' + e.actorId;
                list.appendChild(li);
              }
              const v = await api('GET', '/api/v1/records/' + id + '/custody/verification');
              document.getElementById('verification').textContent = v.ok
                  ? T.intact.replace('{0}', v.entriesChecked) : T.broken.replace('{0}', v.brokenAt);
              document.getElementById('detail').hidden = false;
            }
            async function pending() {
              const transfers = await api('GET', '/api/v1/transfers');
              const list = document.getElementById('pending');
              list.replaceChildren();
              if (transfers.length === 0) { const li = document.createElement('li'); li.textContent = T.none; list.appendChild(li); }
              for (const t of transfers) {
                const li = document.createElement('li');
                li.dataset.transfer = t.id;
                li.textContent = t.fromAgency + ' / ' + t.fromDepartment + ' → ' + t.toAgency + ' / ' + t.toDepartment + ' ';
                const button = document.createElement('button');
                button.type = 'button'; button.textContent = T.acknowledge;
                button.addEventListener('click', async () => {
                  await api('POST', '/api/v1/transfers/' + t.id + '/acknowledge');
                  message.textContent = T.acknowledged;
                  await pending(); await search();
                });
                li.appendChild(button); list.appendChild(li);
              }
            }
            document.getElementById('signin').addEventListener('submit', async (event) => {
              event.preventDefault();
              const username = new FormData(event.target).get('username');
              const login = await fetch('/api/v1/dev/login', {method: 'POST', headers: {'Content-Type': 'application/json'},
                  body: JSON.stringify({username})});
              if (!login.ok) { message.textContent = await login.text(); return; }
              token = (await login.json()).token;
              document.getElementById('browse').hidden = false;
              document.getElementById('incoming').hidden = false;
              document.getElementById('detail').hidden = true;
              message.textContent = '';
              await search(); await pending();
              document.body.dataset.signedIn = username;
            });
            document.getElementById('search').addEventListener('submit', async (event) => { event.preventDefault(); await search(); });
            document.getElementById('transfer').addEventListener('submit', async (event) => {
              event.preventDefault();
              const form = new FormData(event.target);
              await api('POST', '/api/v1/records/' + current + '/transfers',
                  {toAgency: form.get('toAgency'), toDepartment: form.get('toDepartment'), note: form.get('note')});
              message.textContent = T.sent;
              await show(current);
            });
            """;

    private static void put(StringBuilder json, String key, String value) {
        json.append('"').append(js(key)).append("\":\"").append(js(value)).append("\",");
    }

    private static String js(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == '\'' || c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
