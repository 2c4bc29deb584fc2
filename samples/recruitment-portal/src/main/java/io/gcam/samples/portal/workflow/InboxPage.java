package io.gcam.samples.portal.workflow;

import static io.gcam.samples.portal.workflow.Html.esc;

import io.gcam.core.LocalizedText;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
 * {@code GET /staff/inbox}: the staff inbox of the portal's workflows (SAFP's recruitment, DSAL's
 * job-seeker registration). The page itself (labels, sign-in form, table headings) is rendered on
 * the server in the chosen language; a small script
 * signs in as a demo staff member ({@code POST /api/v1/dev/login}, demo mode), lists
 * {@code GET /api/v1/inbox?actionable=true} and offers one button per action the API says the
 * signed-in staff member may take now — so the buttons follow the definition and the staff
 * member's roles — each calling {@code POST /api/v1/applications/{id}/actions/{action}} with the
 * version shown (a concurrent change answers 409 and the list reloads).
 */
@Path("/staff/inbox")
public final class InboxPage {

    static final LocalizedText TITLE = LocalizedText.of("Staff inbox", "工作人員收件匣", "Caixa de entrada");
    /** The demo staff members who hold the workflows' roles: SAFP's recruitment, DSAL's job-seeker registration. */
    static final List<String> STAFF = List.of("reviewer1", "approver1", "officer1");
    /** Button labels of the definitions' staff actions; others show their name. */
    static final Map<String, LocalizedText> ACTIONS = actions();

    private static final LocalizedText INTRO = LocalizedText.of(
            "Applications of your agency that your roles can act on now, the earliest due first.",
            "您所屬部門中，您的角色現可處理的申請，最早到期的排在前面。",
            "Pedidos do seu serviço em que os seus perfis podem agir agora, os de prazo mais próximo primeiro.");
    private static final LocalizedText USER = LocalizedText.of("Demo staff member", "示範工作人員",
            "Trabalhador de demonstração");
    private static final LocalizedText SIGN_IN = LocalizedText.of("Sign in", "登入", "Iniciar sessão");
    private static final LocalizedText REFERENCE = LocalizedText.of("Reference", "編號", "Referência");
    private static final LocalizedText STATUS = LocalizedText.of("Status", "狀態", "Estado");
    private static final LocalizedText DUE = LocalizedText.of("Due", "到期日", "Prazo");
    private static final LocalizedText ACTIONS_HEADING = LocalizedText.of("Actions", "操作", "Ações");
    private static final LocalizedText COMMENT = LocalizedText.of("Comment", "備註", "Comentário");
    private static final LocalizedText EMPTY = LocalizedText.of("Nothing is waiting for you.", "目前沒有待處理的申請。",
            "Não há nada à sua espera.");
    private static final LocalizedText SIGNED_IN = LocalizedText.of("Signed in as {0}. {1} applications.",
            "已登入：{0}。共 {1} 宗申請。", "Sessão iniciada como {0}. {1} pedidos.");
    private static final LocalizedText DONE = LocalizedText.of("{0}: done.", "{0}：已完成。", "{0}: feito.");

    InboxPage() {
    }

    private static Map<String, LocalizedText> actions() {
        Map<String, LocalizedText> labels = new LinkedHashMap<>();
        labels.put("start_screening", LocalizedText.of("Start screening", "開始審查", "Iniciar triagem"));
        labels.put("request_documents", LocalizedText.of("Send back for documents", "退回補交文件",
                "Devolver para documentos"));
        labels.put("invite_to_interview", LocalizedText.of("Invite to interview", "邀請面試",
                "Convocar para entrevista"));
        labels.put("approve", LocalizedText.of("Approve", "批准", "Aprovar"));
        labels.put("reject", LocalizedText.of("Reject", "不批准", "Rejeitar"));
        labels.put("register", LocalizedText.of("Register", "登記", "Inscrever"));
        return Map.copyOf(labels);
    }

    /**
     * @param lang {@code en}, {@code zh-Hant} or {@code pt}; else {@code Accept-Language}
     * @param headers the request headers
     * @return the page
     */
    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response page(@QueryParam("lang") @Nullable String lang, @Context HttpHeaders headers) {
        Locale locale = Html.locale(lang, headers);
        StringBuilder html = Html.open(locale, "/staff/inbox", TITLE);
        html.append("<p>").append(esc(INTRO.in(locale))).append("</p>\n")
                .append("<form id=\"sign-in\">\n<label for=\"username\">").append(esc(USER.in(locale)))
                .append("</label>\n<select id=\"username\" name=\"username\">");
        for (String user : STAFF) {
            html.append("<option>").append(esc(user)).append("</option>");
        }
        html.append("</select>\n<button type=\"submit\">").append(esc(SIGN_IN.in(locale)))
                .append("</button>\n</form>\n<p id=\"summary\" aria-live=\"polite\"></p>\n")
                .append("<table id=\"inbox\" hidden>\n<thead><tr><th scope=\"col\">").append(esc(REFERENCE.in(locale)))
                .append("</th><th scope=\"col\">").append(esc(STATUS.in(locale))).append("</th><th scope=\"col\">")
                .append(esc(DUE.in(locale))).append("</th><th scope=\"col\">").append(esc(ACTIONS_HEADING.in(locale)))
                .append("</th></tr></thead>\n<tbody></tbody>\n</table>\n")
                .append("<script type=\"application/json\" id=\"labels\">").append(labels(locale)).append("</script>\n")
                .append("<script>\n").append(SCRIPT).append("</script>\n");
        return Response.ok(Html.close(html)).language(locale.toLanguageTag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    private static String labels(Locale locale) {
        Map<String, Object> labels = new LinkedHashMap<>();
        Map<String, String> actions = new LinkedHashMap<>();
        ACTIONS.forEach((name, label) -> actions.put(name, label.in(locale)));
        labels.put("actions", actions);
        labels.put("comment", COMMENT.in(locale));
        labels.put("empty", EMPTY.in(locale));
        labels.put("signedIn", SIGNED_IN.in(locale));
        labels.put("done", DONE.in(locale));
        labels.put("statusKey", Html.textKey(locale));
        return Html.scriptJson(labels);
    }

    /** Renders the inbox with DOM calls and textContent only: no data is ever parsed as HTML. */
    private static final String SCRIPT = """
            const labels = JSON.parse(document.getElementById('labels').textContent);
            const lang = document.documentElement.lang;
            const format = (pattern, ...args) => args.reduce((s, a, i) => s.replace('{' + i + '}', a), pattern);
            let token = sessionStorage.getItem('gcam-staff-token');
            let who = sessionStorage.getItem('gcam-staff-user');
            async function api(method, path, body) {
              const response = await fetch(path, {method, headers: {'Authorization': 'Bearer ' + token,
                'Accept-Language': lang, 'Content-Type': 'application/json'}, body: body && JSON.stringify(body)});
              const json = await response.json().catch(() => ({}));
              return {status: response.status, json};
            }
            function label(name) { return labels.actions[name] || name; }
            async function load() {
              const {status, json} = await api('GET', '/api/v1/inbox?actionable=true&size=50');
              const summary = document.getElementById('summary');
              if (status !== 200) { summary.textContent = json.detail || String(status); return; }
              const table = document.getElementById('inbox');
              const body = table.querySelector('tbody');
              body.replaceChildren();
              summary.textContent = format(labels.signedIn, who, json.total) + (json.total ? '' : ' ' + labels.empty);
              table.hidden = json.items.length === 0;
              for (const item of json.items) {
                const row = body.insertRow();
                row.dataset.reference = item.referenceNumber;
                row.dataset.state = item.state;
                const ref = row.insertCell();
                ref.textContent = item.referenceNumber;
                row.insertCell().textContent = item.status[labels.statusKey] || item.status.en;
                row.insertCell().textContent = item.stateDueOn || '';
                const cell = row.insertCell();
                const comment = document.createElement('input');
                comment.name = 'comment';
                comment.setAttribute('aria-label', labels.comment + ' ' + item.referenceNumber);
                comment.placeholder = labels.comment;
                cell.append(comment, document.createElement('br'));
                for (const action of item.actions) {
                  const button = document.createElement('button');
                  button.type = 'button';
                  button.dataset.action = action;
                  button.textContent = label(action);
                  if (action === 'reject' || action === 'request_documents') button.className = 'secondary';
                  button.addEventListener('click', () => act(item, action, comment.value, row));
                  cell.append(button);
                }
                const out = document.createElement('output');
                out.className = 'error';
                out.setAttribute('aria-live', 'polite');
                cell.append(out);
              }
            }
            async function act(item, action, comment, row) {
              const {status, json} = await api('POST', '/api/v1/applications/' + encodeURIComponent(item.id)
                  + '/actions/' + encodeURIComponent(action), {comment: comment || null, expectedVersion: item.version});
              if (status === 200) {
                await load();
                document.getElementById('summary').textContent += ' ' + format(labels.done, label(action));
              } else {
                row.querySelector('output').textContent = json.detail || String(status);
                if (status === 409) await load();
              }
            }
            document.getElementById('sign-in').addEventListener('submit', async (event) => {
              event.preventDefault();
              const username = document.getElementById('username').value;
              const login = await fetch('/api/v1/dev/login', {method: 'POST',
                headers: {'Content-Type': 'application/json'}, body: JSON.stringify({username})});
              if (!login.ok) { document.getElementById('summary').textContent = String(login.status); return; }
              token = (await login.json()).token;
              who = username;
              sessionStorage.setItem('gcam-staff-token', token);
              sessionStorage.setItem('gcam-staff-user', who);
              await load();
            });
            if (token) load();
            """;
}
