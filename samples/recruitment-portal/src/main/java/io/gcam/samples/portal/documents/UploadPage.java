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
 * {@code GET /documents}: the recruitment checklist and an upload form. Signing in (a demo user)
 * and uploading use the JSON API from a small script; the checklist itself needs no script.
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
                .append("output{display:block;white-space:pre-wrap;background:#f3f3f3;padding:.5rem;margin-top:1rem}</style>\n")
                .append("</head>\n<body>\n<main>\n<h1>").append(esc(TITLE.in(locale))).append("</h1>\n<ol id=\"checklist\">\n");
        for (DocumentRequirement r : checklist.requirements()) {
            String types = String.join(", ", r.allowedMediaTypes().stream().map(UploadPage::shortName).sorted().toList());
            html.append("<li data-type=\"").append(esc(r.type())).append("\"><strong>").append(esc(r.name().in(locale)))
                    .append("</strong> (").append(esc((r.required() ? REQUIRED : OPTIONAL).in(locale))).append(")<br>")
                    .append(esc(r.help().in(locale))).append("<br><small>")
                    .append(esc(java.text.MessageFormat.format(LIMIT.in(locale), types, r.maxBytes() >> 20)))
                    .append("</small></li>\n");
        }
        html.append("</ol>\n<form id=\"upload\">\n")
                .append("<label>").append(esc(USER.in(locale)))
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
            function refuse(message, code) {
              document.getElementById('error-message').textContent = message;
              document.getElementById('error-code').textContent = code || '';
              error.hidden = false;
            }
            form.addEventListener('submit', async (event) => {
              event.preventDefault();
              error.hidden = true;
              const data = new FormData(form);
              const typeName = form.elements.type.selectedOptions[0].textContent;
              const headers = {'Accept-Language': document.documentElement.lang};
              try {
                const login = await fetch('/api/v1/dev/login', {method: 'POST',
                    headers: {...headers, 'Content-Type': 'application/json'},
                    body: JSON.stringify({username: data.get('username')})});
                if (!login.ok) { const p = await login.json(); refuse(p.detail, p.code); return; }
                const token = (await login.json()).token;
                data.delete('username');
                const response = await fetch('/api/v1/documents', {method: 'POST',
                    headers: {...headers, 'Authorization': 'Bearer ' + token}, body: data});
                const body = await response.json();
                if (!response.ok) { refuse(body.detail, body.code); return; }
                const item = document.createElement('li');
                item.dataset.documentId = body.id;
                item.dataset.type = body.type;
                item.textContent = typeName + ': ' + body.fileName + ' (' + Math.max(1, Math.round(body.size / 1024))
                    + ' KiB)' + (response.status === 200 ? ' \u2014 ' + DUPLICATE : '');
                document.getElementById('uploaded').appendChild(item);
                document.getElementById('none-yet').hidden = true;
                form.elements.file.value = '';
              } catch (e) {
                refuse(FAILED, '');
              }
            });
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
