package io.gcam.samples.portal.workflow;

import static io.gcam.samples.portal.workflow.Html.esc;

import io.gcam.core.GcamException;
import io.gcam.core.LocalizedText;
import io.gcam.rest.ClientAddress;
import io.gcam.workflow.PublicStatus;
import io.gcam.workflow.StatusInquiries;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code /status}: the applicant's status and timeline, found by reference number plus access code
 * or date of birth, without signing in (the kiosk and public-web path). Rendered on the server;
 * works without scripts. Shows public labels only, never internal comments or who acted.
 */
@Path("/status")
public final class StatusPage {

    static final LocalizedText TITLE = LocalizedText.of("Application status", "申請進度", "Estado do pedido");
    private static final LocalizedText INTRO = LocalizedText.of(
            "Enter the reference number of your application and the access code you received when you applied,"
                    + " or your date of birth.",
            "請輸入申請編號，以及申請時收到的查詢碼或您的出生日期。",
            "Introduza o número de referência do pedido e o código de acesso que recebeu ao candidatar-se,"
                    + " ou a sua data de nascimento.");
    private static final LocalizedText REFERENCE = LocalizedText.of("Reference number", "申請編號",
            "Número de referência");
    private static final LocalizedText CODE = LocalizedText.of("Access code", "查詢碼", "Código de acesso");
    private static final LocalizedText OR_BIRTH = LocalizedText.of("or date of birth", "或出生日期",
            "ou data de nascimento");
    private static final LocalizedText CHECK = LocalizedText.of("Check status", "查詢進度", "Consultar estado");
    private static final LocalizedText CURRENT = LocalizedText.of("Current status", "目前狀態", "Estado atual");
    private static final LocalizedText TIMELINE = LocalizedText.of("Timeline", "進度紀錄", "Cronologia");
    private static final LocalizedText DUE = LocalizedText.of("Expected decision by {0}", "預計於 {0} 前完成",
            "Decisão prevista até {0}");
    private static final LocalizedText FINISHED = LocalizedText.of("This application is finished.", "此申請已完結。",
            "Este pedido está concluído.");
    private static final LocalizedText BAD_DATE = LocalizedText.of("Enter the date of birth as YYYY-MM-DD.",
            "請以 YYYY-MM-DD 格式輸入出生日期。", "Introduza a data de nascimento no formato AAAA-MM-DD.");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.of("Asia/Macau"));

    private final StatusInquiries inquiries;
    private final ClientAddress clients;

    StatusPage(StatusInquiries inquiries, ClientAddress clients) {
        this.inquiries = inquiries;
        this.clients = clients;
    }

    /**
     * @param lang {@code en}, {@code zh-Hant} or {@code pt}; else {@code Accept-Language}
     * @param headers the request headers
     * @return the inquiry form
     */
    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response form(@QueryParam("lang") @Nullable String lang, @Context HttpHeaders headers) {
        Locale locale = Html.locale(lang, headers);
        StringBuilder html = Html.open(locale, "/status", TITLE);
        form(html, locale, "");
        return page(html, locale);
    }

    /**
     * Looks the application up and shows its public status and timeline, or why it was not found.
     *
     * @param lang the page language
     * @param reference the reference number
     * @param accessCode the access code, or blank to use the date of birth
     * @param dateOfBirth the date of birth ({@code yyyy-MM-dd}), used when no access code is given
     * @param headers the request headers
     * @param request the request, for the client address the inquiries are rate limited by
     * @return the page
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response inquire(@FormParam("lang") @Nullable String lang, @FormParam("reference") @Nullable String reference,
            @FormParam("accessCode") @Nullable String accessCode, @FormParam("dateOfBirth") @Nullable String dateOfBirth,
            @Context HttpHeaders headers, @Context ContainerRequestContext request) {
        Locale locale = Html.locale(lang, headers);
        StringBuilder html = Html.open(locale, "/status", TITLE);
        String ref = reference == null ? "" : reference.strip();
        form(html, locale, ref);
        String client = "web:" + clients.of(request);
        try {
            PublicStatus status;
            if ((accessCode == null || accessCode.isBlank()) && dateOfBirth != null && !dateOfBirth.isBlank()) {
                LocalDate birth;
                try {
                    birth = LocalDate.parse(dateOfBirth.strip());
                } catch (DateTimeParseException e) {
                    html.append("<p class=\"error\" role=\"alert\">").append(esc(BAD_DATE.in(locale))).append("</p>\n");
                    return page(html, locale);
                }
                status = inquiries.inquireByDateOfBirth(ref, birth, client);
            } else {
                status = inquiries.inquire(ref, accessCode == null ? "" : accessCode, client);
            }
            result(html, locale, status);
        } catch (GcamException e) {
            if (!e.code().startsWith("WORKFLOW_INQUIRY_")) {
                throw e;
            }
            html.append("<p class=\"error\" role=\"alert\" data-code=\"").append(esc(e.code())).append("\">")
                    .append(esc(e.localizedMessage(locale))).append("</p>\n");
        }
        return page(html, locale);
    }

    private static void form(StringBuilder html, Locale locale, String reference) {
        html.append("<p>").append(esc(INTRO.in(locale))).append("</p>\n")
                .append("<form method=\"post\" action=\"/status\" id=\"inquiry\">\n")
                .append("<input type=\"hidden\" name=\"lang\" value=\"").append(locale.toLanguageTag()).append("\">\n")
                .append("<label for=\"reference\">").append(esc(REFERENCE.in(locale))).append("</label>\n")
                .append("<input id=\"reference\" name=\"reference\" required autocomplete=\"off\" value=\"")
                .append(esc(reference)).append("\">\n")
                .append("<label for=\"accessCode\">").append(esc(CODE.in(locale))).append("</label>\n")
                .append("<input id=\"accessCode\" name=\"accessCode\" autocomplete=\"off\">\n")
                .append("<label for=\"dateOfBirth\">").append(esc(OR_BIRTH.in(locale))).append("</label>\n")
                .append("<input id=\"dateOfBirth\" name=\"dateOfBirth\" type=\"date\">\n")
                .append("<p><button type=\"submit\">").append(esc(CHECK.in(locale))).append("</button></p>\n")
                .append("</form>\n");
    }

    private static void result(StringBuilder html, Locale locale, PublicStatus status) {
        html.append("<section aria-labelledby=\"current\" id=\"result\" data-reference=\"")
                .append(esc(status.referenceNumber())).append("\">\n<h2 id=\"current\">").append(esc(CURRENT.in(locale)))
                .append("</h2>\n<p><strong id=\"status\">").append(esc(status.status().in(locale)))
                .append("</strong> · <code>").append(esc(status.referenceNumber())).append("</code></p>\n");
        if (status.finished()) {
            html.append("<p>").append(esc(FINISHED.in(locale))).append("</p>\n");
        } else if (status.dueOn() != null) {
            html.append("<p class=\"muted\">").append(esc(java.text.MessageFormat.format(DUE.in(locale),
                    status.dueOn().toString()))).append("</p>\n");
        }
        html.append("<h3>").append(esc(TIMELINE.in(locale))).append("</h3>\n<ol class=\"timeline\">\n");
        for (PublicStatus.Step step : status.timeline()) {
            html.append("<li><time datetime=\"").append(step.at()).append("\">").append(WHEN.format(step.at()))
                    .append("</time> — ").append(esc(step.status().in(locale))).append("</li>\n");
        }
        html.append("</ol>\n</section>\n");
    }

    private static Response page(StringBuilder html, Locale locale) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(Html.close(html)).language(locale.toLanguageTag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).cacheControl(noStore).build();
    }
}
