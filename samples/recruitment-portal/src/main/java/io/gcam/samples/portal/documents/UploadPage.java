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
                .append("<output id=\"result\" aria-live=\"polite\"></output>\n</main>\n<script>\n")
                .append("document.getElementById('upload').addEventListener('submit', async (event) => {\n")
                .append("  event.preventDefault();\n  const form = new FormData(event.target);\n")
                .append("  const out = document.getElementById('result');\n")
                .append("  const login = await fetch('/api/v1/dev/login', {method: 'POST', headers: {'Content-Type': 'application/json'},")
                .append(" body: JSON.stringify({username: form.get('username')})});\n")
                .append("  if (!login.ok) { out.textContent = await login.text(); return; }\n")
                .append("  const token = (await login.json()).token;\n  form.delete('username');\n")
                .append("  const response = await fetch('/api/v1/documents', {method: 'POST', headers: {'Authorization': 'Bearer ' + token,")
                .append(" 'Accept-Language': document.documentElement.lang}, body: form});\n")
                .append("  out.textContent = response.status + '\\n' + JSON.stringify(await response.json(), null, 2);\n")
                .append("});\n</script>\n</body>\n</html>\n");
        return Response.ok(html.toString()).language(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
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
