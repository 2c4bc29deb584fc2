package io.gcam.samples.portal.documents;

import io.gcam.core.GcamLocales;
import io.gcam.core.LocalizedText;
import io.gcam.documents.DocumentChecklist;
import io.gcam.documents.DocumentRequirement;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /documents}: the recruitment application and its documents. An applicant who signed in
 * on {@code /profile} (the portal session in the browser's {@code sessionStorage}) submits the
 * application here ({@code POST /api/v1/applications}: the page shows the reference number and the
 * access code), uploads the documents of the checklist to it, and, when staff ask for another
 * document, uploads it and resubmits ({@code POST /api/v1/applications/{id}/actions/resubmit}).
 * Without a portal session the upload form signs in as the demo user it names. The checklist
 * itself needs no script.
 */
@Path("/documents")
public final class UploadPage {

    private static final LocalizedText TITLE = LocalizedText.of("Upload your documents", "上載文件", "Carregar documentos");
    private static final LocalizedText LIMIT = LocalizedText.of("Accepted: {0}; at most {1} MiB.",
            "接受：{0}；最大 {1} MiB。", "Aceites: {0}; no máximo {1} MiB.");
    private static final LocalizedText REQUIRED = LocalizedText.of("required", "必須", "obrigatório");
    private static final LocalizedText OPTIONAL = LocalizedText.of("optional", "可選", "opcional");
    private static final LocalizedText USER = LocalizedText.of("Demo user", "示範用戶", "Utilizador de demonstração");
    private static final LocalizedText REFERENCE = LocalizedText.of("Application reference", "申請編號",
            "Referência da candidatura");
    private static final LocalizedText DOCUMENT = LocalizedText.of("Document", "文件", "Documento");
    private static final LocalizedText FILE = LocalizedText.of("File", "檔案", "Ficheiro");
    private static final LocalizedText UPLOAD = LocalizedText.of("Upload", "上載", "Carregar");
    private static final LocalizedText UPLOADED = LocalizedText.of("Your uploads", "已上載的文件", "Documentos carregados");
    private static final LocalizedText NONE_YET = LocalizedText.of("Nothing uploaded yet.", "尚未上載任何文件。",
            "Ainda não carregou nenhum documento.");
    private static final LocalizedText REFUSED = LocalizedText.of("Upload refused:", "上載被拒：", "Carregamento recusado:");
    private static final LocalizedText DUPLICATE = LocalizedText.of("already uploaded", "已上載過", "já carregado");
    private static final LocalizedText FAILED = LocalizedText.of("The upload did not reach the server. Try again.",
            "上載未能送達伺服器，請再試。", "O carregamento não chegou ao servidor. Tente de novo.");
    private static final LocalizedText CHECKLIST = LocalizedText.of("Documents to upload", "需上載的文件",
            "Documentos a carregar");
    private static final LocalizedText APPLICATION = LocalizedText.of("Your application", "您的申請", "A sua candidatura");
    private static final LocalizedText SIGN_IN_FIRST = LocalizedText.of(
            "Sign in on the profile page first to submit an application.", "請先在個人資料頁面登入，才可遞交申請。",
            "Entre primeiro na página do perfil para submeter uma candidatura.");
    private static final LocalizedText SIGN_IN_LINK = LocalizedText.of("Sign in", "登入", "Entrar");
    private static final LocalizedText EMAIL = LocalizedText.of("Email for the confirmation", "接收確認通知的電郵",
            "Email para a confirmação");
    private static final LocalizedText BIRTH = LocalizedText.of("Date of birth", "出生日期", "Data de nascimento");
    private static final LocalizedText SUBMIT = LocalizedText.of("Submit my application", "遞交申請",
            "Submeter a candidatura");
    private static final LocalizedText REFERENCE_IS = LocalizedText.of("Reference number", "申請編號",
            "Número de referência");
    private static final LocalizedText ACCESS_CODE = LocalizedText.of("Access code", "查詢碼", "Código de acesso");
    private static final LocalizedText KEEP = LocalizedText.of(
            "Keep the reference number and the access code: with them you can check the status at /status or at a"
                    + " kiosk. The access code is shown only once.",
            "請保存申請編號及查詢碼，可憑此在 /status 或自助服務機查詢進度。查詢碼只顯示一次。",
            "Guarde o número de referência e o código de acesso: com eles pode consultar o estado em /status ou num"
                    + " quiosque. O código de acesso só é mostrado uma vez.");
    private static final LocalizedText STATUS = LocalizedText.of("Status", "狀態", "Estado");
    private static final LocalizedText RESUBMIT = LocalizedText.of("Resubmit with the new documents",
            "連同新文件重新遞交", "Submeter de novo com os novos documentos");
    private static final LocalizedText RESUBMITTED = LocalizedText.of("Resubmitted. Staff will review it again.",
            "已重新遞交，工作人員將再次審查。", "Submetida de novo. Os serviços vão analisá-la outra vez.");

    private final DocumentChecklist checklist;

    UploadPage(DocumentChecklist checklist) {
        this.checklist = checklist;
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
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(tag).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(TITLE.in(locale))).append("</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;")
                .append("line-height:1.6;color:#1b1b1b}li{margin:.5rem 0}label{display:block;margin-top:.75rem}")
                .append("[hidden]{display:none!important}#submitted{background:#f3f3f3;padding:.5rem 1rem}")
                .append("output{display:block;white-space:pre-wrap;background:#f3f3f3;padding:.5rem;margin-top:1rem}</style>\n")
                .append("</head>\n<body>\n<main>\n<h1>").append(esc(TITLE.in(locale))).append("</h1>\n")
                .append("<section aria-labelledby=\"application\">\n<h2 id=\"application\">").append(esc(APPLICATION.in(locale)))
                .append("</h2>\n<p id=\"sign-in-first\">").append(esc(SIGN_IN_FIRST.in(locale))).append(" <a href=\"/profile?lang=")
                .append(tag).append("\">").append(esc(SIGN_IN_LINK.in(locale))).append("</a></p>\n")
                .append("<form id=\"submit-application\" hidden>\n<label>").append(esc(EMAIL.in(locale)))
                .append(" <input type=\"email\" name=\"email\" autocomplete=\"email\"></label>\n<label>")
                .append(esc(BIRTH.in(locale))).append(" <input type=\"date\" name=\"dateOfBirth\"></label>\n")
                .append("<p><button type=\"submit\">").append(esc(SUBMIT.in(locale))).append("</button></p>\n</form>\n")
                .append("<div id=\"submitted\" hidden>\n<p>").append(esc(REFERENCE_IS.in(locale)))
                .append(": <strong id=\"reference\"></strong></p>\n<p id=\"access\" hidden>").append(esc(ACCESS_CODE.in(locale)))
                .append(": <strong id=\"access-code\"></strong><br>").append(esc(KEEP.in(locale))).append("</p>\n<p>")
                .append(esc(STATUS.in(locale))).append(": <span id=\"application-status\"></span></p>\n")
                .append("<p><button type=\"button\" id=\"resubmit\" hidden>").append(esc(RESUBMIT.in(locale)))
                .append("</button></p>\n</div>\n<p id=\"application-message\" role=\"status\"></p>\n</section>\n")
                .append("<h2>").append(esc(CHECKLIST.in(locale))).append("</h2>\n<ol id=\"checklist\">\n");
        for (DocumentRequirement r : checklist.requirements()) {
            String types = String.join(", ", r.allowedMediaTypes().stream().map(UploadPage::shortName).sorted().toList());
            html.append("<li data-type=\"").append(esc(r.type())).append("\"><strong>").append(esc(r.name().in(locale)))
                    .append("</strong> (").append(esc((r.required() ? REQUIRED : OPTIONAL).in(locale))).append(")<br>")
                    .append(esc(r.help().in(locale))).append("<br><small>")
                    .append(esc(java.text.MessageFormat.format(LIMIT.in(locale), types, r.maxBytes() >> 20)))
                    .append("</small></li>\n");
        }
        html.append("</ol>\n<form id=\"upload\">\n")
                .append("<label id=\"demo-user\">").append(esc(USER.in(locale)))
                .append(" <input name=\"username\" value=\"applicant1\" required></label>\n")
                .append("<label>").append(esc(REFERENCE.in(locale)))
                .append(" <input name=\"ownerRef\" value=\"REC-2026-000001\" required></label>\n")
                .append("<label>").append(esc(DOCUMENT.in(locale))).append(" <select name=\"type\">");
        for (DocumentRequirement r : checklist.requirements()) {
            html.append("<option value=\"").append(esc(r.type())).append("\">").append(esc(r.name().in(locale)))
                    .append("</option>");
        }
        html.append("</select></label>\n<label>").append(esc(FILE.in(locale)))
                .append(" <input type=\"file\" name=\"file\" required></label>\n")
                .append("<p><button type=\"submit\">").append(esc(UPLOAD.in(locale))).append("</button></p>\n</form>\n")
                .append("<p id=\"error\" role=\"alert\" hidden><strong>").append(esc(REFUSED.in(locale)))
                .append("</strong> <span id=\"error-message\"></span> <code id=\"error-code\"></code></p>\n")
                .append("<h2>").append(esc(UPLOADED.in(locale))).append("</h2>\n")
                .append("<p id=\"none-yet\">").append(esc(NONE_YET.in(locale))).append("</p>\n")
                .append("<ul id=\"uploaded\" aria-live=\"polite\"></ul>\n</main>\n<script>\n")
                .append("const DUPLICATE = '").append(js(DUPLICATE.in(locale))).append("';\n")
                .append("const FAILED = '").append(js(FAILED.in(locale))).append("';\n")
                .append("const RESUBMITTED = '").append(js(RESUBMITTED.in(locale))).append("';\n")
                .append(SCRIPT)
                .append("</script>\n</body>\n</html>\n");
        return Response.ok(html.toString()).language(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    /**
     * Signs the demo user in, uploads with the API in the page's language, and lists the accepted
     * document or shows the refusal's localized message and code.
     */
    private static final String SCRIPT = """
            const form = document.getElementById('upload');
            const error = document.getElementById('error');
            const lang = document.documentElement.lang;
            const session = sessionStorage.getItem('portal-token');
            const message = document.getElementById('application-message');
            let application = null, subject = null;
            function refuse(message, code) {
              document.getElementById('error-message').textContent = message;
              document.getElementById('error-code').textContent = code || '';
              error.hidden = false;
            }
            async function api(method, path, body, extra) {
              const headers = Object.assign({'Accept-Language': lang, 'Authorization': 'Bearer ' + session}, extra || {});
              if (body) headers['Content-Type'] = 'application/json';
              const response = await fetch(path, {method, headers, body: body ? JSON.stringify(body) : undefined});
              const text = await response.text();
              return {status: response.status, body: text ? JSON.parse(text) : {}};
            }
            function showApplication(view, accessCode) {
              application = view;
              localStorage.setItem('gcam-application-' + subject, view.id);
              document.getElementById('submit-application').hidden = true;
              document.getElementById('submitted').hidden = false;
              document.getElementById('reference').textContent = view.referenceNumber;
              document.getElementById('application-status').textContent = (view.status[lang === 'zh-Hant' ? 'zhHant' : lang]
                  || view.status.en);
              document.getElementById('application-status').dataset.state = view.state;
              if (accessCode) {
                document.getElementById('access-code').textContent = accessCode;
                document.getElementById('access').hidden = false;
              }
              document.getElementById('resubmit').hidden = !view.actions.includes('resubmit');
              form.elements.ownerRef.value = view.referenceNumber;
            }
            async function start() {
              if (!session) return;
              const me = await api('GET', '/api/v1/me');
              if (me.status !== 200) return;
              subject = me.body.subjectId;
              document.getElementById('sign-in-first').hidden = true;
              document.getElementById('demo-user').hidden = true;
              form.elements.username.required = false;
              // the browser remembers the applicant's application from one sign-in to the next
              const id = localStorage.getItem('gcam-application-' + subject);
              if (id) {
                const found = await api('GET', '/api/v1/applications/' + encodeURIComponent(id));
                if (found.status === 200) { showApplication(found.body); return; }
              }
              const profile = await api('GET', '/api/v1/me/profile');
              if (profile.status === 200) {
                const submit = document.getElementById('submit-application');
                submit.elements.email.value = profile.body.data.email || '';
                submit.elements.dateOfBirth.value = profile.body.data.dateOfBirth || '';
              }
              document.getElementById('submit-application').hidden = false;
            }
            document.getElementById('submit-application').addEventListener('submit', async (event) => {
              event.preventDefault();
              const data = new FormData(event.target);
              const key = (self.crypto && crypto.randomUUID) ? crypto.randomUUID() : Date.now() + '-' + Math.random();
              const r = await api('POST', '/api/v1/applications', {type: 'recruitment', agency: 'SAFP',
                  formData: {email: data.get('email') || null, language: lang},
                  dateOfBirth: data.get('dateOfBirth') || null}, {'Idempotency-Key': key});
              if (r.status !== 201) { message.textContent = r.body.detail || r.body.title || String(r.status); return; }
              message.textContent = '';
              showApplication(r.body.application, r.body.accessCode);
            });
            document.getElementById('resubmit').addEventListener('click', async () => {
              const r = await api('POST', '/api/v1/applications/' + encodeURIComponent(application.id) + '/actions/resubmit',
                  {expectedVersion: application.version});
              if (r.status !== 200) { message.textContent = r.body.detail || r.body.title || String(r.status); return; }
              showApplication(r.body);
              message.textContent = RESUBMITTED;
            });
            form.addEventListener('submit', async (event) => {
              event.preventDefault();
              error.hidden = true;
              const data = new FormData(form);
              const typeName = form.elements.type.selectedOptions[0].textContent;
              const headers = {'Accept-Language': lang};
              try {
                let token = session;
                if (!token) {
                  const login = await fetch('/api/v1/dev/login', {method: 'POST',
                      headers: {...headers, 'Content-Type': 'application/json'},
                      body: JSON.stringify({username: data.get('username')})});
                  if (!login.ok) { const p = await login.json(); refuse(p.detail, p.code); return; }
                  token = (await login.json()).token;
                }
                data.delete('username');
                const response = await fetch('/api/v1/documents', {method: 'POST',
                    headers: {...headers, 'Authorization': 'Bearer ' + token}, body: data});
                const body = await response.json();
                if (!response.ok) { refuse(body.detail, body.code); return; }
                const item = document.createElement('li');
                item.dataset.documentId = body.id;
                item.dataset.type = body.type;
                item.textContent = typeName + ': ' + body.fileName + ' (' + Math.max(1, Math.round(body.size / 1024))
                    + ' KiB)' + (response.status === 200 ? ' \\u2014 ' + DUPLICATE : '');
                document.getElementById('uploaded').appendChild(item);
                document.getElementById('none-yet').hidden = true;
                form.elements.file.value = '';
              } catch (e) {
                refuse(FAILED, '');
              }
            });
            start();
            """;


    private static String js(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\u003c");
    }

    private static String shortName(String mediaType) {
        return switch (mediaType) {
            case DocumentRequirement.PDF -> "PDF";
            case DocumentRequirement.JPEG -> "JPEG";
            case DocumentRequirement.PNG -> "PNG";
            case DocumentRequirement.DOCX -> "DOCX";
            default -> mediaType;
        };
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
