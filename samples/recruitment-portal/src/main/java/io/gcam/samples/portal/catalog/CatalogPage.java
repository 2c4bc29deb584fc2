package io.gcam.samples.portal.catalog;

import io.gcam.catalog.CatalogQuery;
import io.gcam.catalog.CatalogService;
import io.gcam.catalog.Channel;
import io.gcam.catalog.ServiceDefinition;
import io.gcam.catalog.ServiceEntry;
import io.gcam.catalog.Step;
import io.gcam.core.GcamLocales;
import io.gcam.core.LocalizedText;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /catalog}: the public service catalogue in English, Traditional Chinese or Portuguese,
 * with a search form and filters. A step's required documents are shown by their names. Works without script and without login.
 */
@Path("/catalog")
public final class CatalogPage {

    private static final LocalizedText TITLE = LocalizedText.of("Public services", "公共服務", "Serviços públicos");
    private static final LocalizedText SEARCH = LocalizedText.of("Search", "搜尋", "Pesquisar");
    private static final LocalizedText WORDS = LocalizedText.of("What are you looking for?", "您想找甚麼服務？",
            "O que procura?");
    private static final LocalizedText AGENCY = LocalizedText.of("Agency", "機構", "Serviço público");
    private static final LocalizedText CHANNEL = LocalizedText.of("Channel", "辦理途徑", "Canal");
    private static final LocalizedText ANY = LocalizedText.of("Any", "不限", "Qualquer");
    private static final LocalizedText FOUND = LocalizedText.of("{0} services found", "找到 {0} 項服務",
            "{0} serviços encontrados");
    private static final LocalizedText NONE = LocalizedText.of("No service matches. Try other words.",
            "沒有相符的服務，請嘗試其他字詞。", "Nenhum serviço corresponde. Experimente outras palavras.");
    private static final LocalizedText TIME = LocalizedText.of("Processing time: {0} to {1} working days",
            "處理時間：{0} 至 {1} 個工作日", "Prazo de tratamento: {0} a {1} dias úteis");
    private static final LocalizedText DOCUMENTS = LocalizedText.of("Documents", "所需文件", "Documentos");
    private static final LocalizedText WHO = LocalizedText.of("Who may apply", "申請資格", "Quem pode requerer");
    private static final LocalizedText APPLY = LocalizedText.of("Apply online", "網上申請", "Requerer online");
    private static final LocalizedText RESULTS = LocalizedText.of("Results", "搜尋結果", "Resultados");
    private static final Map<Channel, LocalizedText> CHANNELS = Map.of(
            Channel.ONLINE, LocalizedText.of("Online", "網上", "Online"),
            Channel.KIOSK, LocalizedText.of("Kiosk", "自助服務機", "Quiosque"),
            Channel.COUNTER, LocalizedText.of("Counter", "櫃檯", "Balcão"),
            Channel.MOBILE, LocalizedText.of("Mobile app", "手機應用程式", "Aplicação móvel"),
            Channel.PHONE, LocalizedText.of("Phone", "電話", "Telefone"));
    private static final List<String[]> LANGUAGES = List.of(
            new String[] {"en", "English"}, new String[] {"zh-Hant", "繁體中文"}, new String[] {"pt", "Português"});

    private final CatalogService catalog;
    private final Function<String, Optional<LocalizedText>> documentNames;

    /**
     * @param catalog the catalogue
     * @param documentNames the name of a required document's type code, or empty when unknown (the
     *     page then shows the code)
     */
    CatalogPage(CatalogService catalog, Function<String, Optional<LocalizedText>> documentNames) {
        this.catalog = catalog;
        this.documentNames = documentNames;
    }

    /**
     * @param lang {@code en}, {@code zh-Hant} or {@code pt}; else {@code Accept-Language}
     * @param q words to find
     * @param agency agency filter
     * @param channel channel filter
     * @param headers the request headers
     * @return the page
     */
    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response page(@QueryParam("lang") @Nullable String lang, @QueryParam("q") @Nullable String q,
            @QueryParam("agency") @Nullable String agency, @QueryParam("channel") @Nullable String channel,
            @Context HttpHeaders headers) {
        Locale locale = lang != null && !lang.isBlank() ? GcamLocales.resolve(Locale.forLanguageTag(lang))
                : GcamLocales.resolve(headers.getAcceptableLanguages());
        String tag = locale.toLanguageTag();
        Channel wanted = parse(channel);
        String text = q == null ? "" : q.length() > CatalogQuery.MAX_TEXT_LENGTH ? q.substring(0, CatalogQuery.MAX_TEXT_LENGTH) : q;
        Page<ServiceEntry> hits = catalog.search(CatalogQuery.builder().text(text).agency(agency).channel(wanted).build(),
                PageRequest.of(0, 50));
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(tag).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(TITLE.in(locale))).append("</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;")
                .append("line-height:1.6;color:#1b1b1b;overflow-wrap:anywhere}nav a{margin-right:1rem}")
                .append("label{display:block;margin-top:.5rem}input,select{font-size:1rem;max-width:100%}")
                .append("article{border-top:1px solid #bbb;padding:.5rem 0}.meta{color:#3d3d3d}")
                .append("button{font-size:1rem;margin-top:.75rem;padding:.4rem 1.2rem}</style>\n")
                .append("</head>\n<body>\n<nav aria-label=\"Language\">");
        for (String[] l : LANGUAGES) {
            boolean current = l[0].equals(tag);
            html.append("<a href=\"/catalog?lang=").append(l[0]).append(text.isEmpty() ? "" : "&amp;q=" + esc(url(text)))
                    .append("\" lang=\"").append(l[0]).append("\"").append(current ? " aria-current=\"page\"" : "")
                    .append(">").append(l[1]).append("</a>");
        }
        html.append("</nav>\n<main>\n<h1>").append(esc(TITLE.in(locale))).append("</h1>\n")
                .append("<form method=\"get\" action=\"/catalog\" role=\"search\">\n")
                .append("<input type=\"hidden\" name=\"lang\" value=\"").append(tag).append("\">\n")
                .append("<label>").append(esc(WORDS.in(locale))).append(" <input type=\"search\" name=\"q\" value=\"")
                .append(esc(text)).append("\"></label>\n")
                .append("<label>").append(esc(AGENCY.in(locale))).append(" <select name=\"agency\"><option value=\"\">")
                .append(esc(ANY.in(locale))).append("</option>");
        for (String a : catalog.facets().agencies()) {
            html.append("<option").append(a.equals(agency) ? " selected" : "").append(">").append(esc(a)).append("</option>");
        }
        html.append("</select></label>\n<label>").append(esc(CHANNEL.in(locale)))
                .append(" <select name=\"channel\"><option value=\"\">").append(esc(ANY.in(locale))).append("</option>");
        for (Channel c : Channel.values()) {
            html.append("<option value=\"").append(c.name()).append("\"").append(c == wanted ? " selected" : "").append(">")
                    .append(esc(CHANNELS.get(c).in(locale))).append("</option>");
        }
        html.append("</select></label>\n<button type=\"submit\">").append(esc(SEARCH.in(locale))).append("</button>\n</form>\n")
                .append("<h2>").append(esc(RESULTS.in(locale))).append("</h2>\n<p id=\"count\">")
                .append(esc(hits.total() == 0 ? NONE.in(locale) : MessageFormat.format(FOUND.in(locale), hits.total())))
                .append("</p>\n");
        for (ServiceEntry e : hits.items()) {
            ServiceDefinition d = e.definition();
            html.append("<article data-service=\"").append(esc(d.code())).append("\">\n<h3>").append(esc(d.name().in(locale)))
                    .append("</h3>\n<p class=\"meta\">").append(esc(d.agency())).append(" · ")
                    .append(esc(String.join(", ", d.channels().stream().map(c -> CHANNELS.get(c).in(locale)).toList())))
                    .append("</p>\n<p>").append(esc(d.description().in(locale))).append("</p>\n");
            if (d.whoMayApply() != null) {
                html.append("<p><strong>").append(esc(WHO.in(locale))).append(":</strong> ")
                        .append(esc(d.whoMayApply().in(locale))).append("</p>\n");
            }
            html.append("<ol>");
            for (Step s : d.steps()) {
                html.append("<li>").append(esc(s.title().in(locale)));
                if (!s.requiredDocuments().isEmpty()) {
                    html.append(" — ").append(esc(DOCUMENTS.in(locale))).append(": ");
                    String separator = "";
                    for (String code : s.requiredDocuments()) {
                        // by the name the document intake gives the type; the code only when it is unknown
                        html.append(separator).append("<span data-document=\"").append(esc(code)).append("\">")
                                .append(esc(documentNames.apply(code).map(n -> n.in(locale)).orElse(code)))
                                .append("</span>");
                        separator = ", ";
                    }
                }
                html.append("</li>");
            }
            html.append("</ol>\n");
            if (d.processingTime() != null) {
                html.append("<p>").append(esc(MessageFormat.format(TIME.in(locale), d.processingTime().minWorkingDays(),
                        d.processingTime().maxWorkingDays()))).append("</p>\n");
            }
            if (d.applyOnlineUrl() != null) {
                html.append("<p><a href=\"").append(esc(own(d.applyOnlineUrl(), tag))).append("\">").append(esc(APPLY.in(locale)))
                        .append("</a></p>\n");
            }
            html.append("</article>\n");
        }
        html.append("</main>\n</body>\n</html>\n");
        return Response.ok(html.toString()).language(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    private static @Nullable Channel parse(@Nullable String channel) {
        if (channel == null || channel.isBlank()) {
            return null;
        }
        try {
            return Channel.valueOf(channel.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The demo portal's own pages (seeded as {@code http://localhost:8080/...}) link within this portal. */
    private static String own(String url, String tag) {
        String base = "http://localhost:8080/";
        return url.startsWith(base) ? "/" + url.substring(base.length()) + (url.contains("?") ? "&" : "?") + "lang=" + tag
                : url;
    }

    private static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
