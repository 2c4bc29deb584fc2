package io.gcam.samples.portal.appointment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.appointment.AppointmentService;
import io.gcam.appointment.BookableService;
import io.gcam.appointment.ServicePoint;
import io.gcam.appointment.ServicePointId;
import io.gcam.core.Actor;
import io.gcam.core.GcamLocales;
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
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The appointment pages of the portal, server-rendered in English, Traditional Chinese and
 * Portuguese; a small script calls the JSON API:
 * {@code GET /appointments} (booking calendar), {@code GET /kiosk} (kiosk screen),
 * {@code GET /counter} (counter screen) and {@code GET /board} (display board). Each takes
 * {@code ?lang=} and {@code ?servicePoint=} (default: the first service point).
 */
final class AppointmentPages {

    private static final Actor VISITOR = Actor.applicant("page-visitor");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final LocalizedText BOOK = LocalizedText.of("Book an appointment", "預約服務", "Marcar atendimento");
    private static final LocalizedText KIOSK = LocalizedText.of("Welcome", "歡迎", "Bem-vindo");
    private static final LocalizedText COUNTER = LocalizedText.of("Counter", "櫃檯", "Balcão");
    private static final LocalizedText BOARD = LocalizedText.of("Now serving", "現正服務", "Em atendimento");
    private static final LocalizedText SERVICE = LocalizedText.of("Service", "服務", "Serviço");
    private static final LocalizedText USER = LocalizedText.of("Demo user", "示範用戶", "Utilizador de demonstração");
    private static final LocalizedText SHOW = LocalizedText.of("Show free times", "顯示可預約時段", "Mostrar horários livres");
    private static final LocalizedText FREE_TIMES = LocalizedText.of("Free times", "可預約時段", "Horários livres");
    private static final LocalizedText TAKE = LocalizedText.of("Take a ticket", "取籌", "Tirar senha");
    private static final LocalizedText HAVE = LocalizedText.of("I have an appointment", "我已預約", "Tenho marcação");
    private static final LocalizedText CODE = LocalizedText.of("Manage code or QR content", "管理碼或二維碼內容",
            "Código de gestão ou conteúdo do QR");
    private static final LocalizedText CHECK_IN = LocalizedText.of("Check in", "報到", "Registar chegada");
    private static final LocalizedText CALL = LocalizedText.of("Call next", "叫下一位", "Chamar seguinte");
    private static final LocalizedText SKIP = LocalizedText.of("Skip", "過號", "Saltar");
    private static final LocalizedText RECALL = LocalizedText.of("Call again", "重新叫號", "Chamar de novo");
    private static final LocalizedText DONE = LocalizedText.of("Done", "完成", "Concluído");
    private static final LocalizedText CURRENT = LocalizedText.of("Current ticket", "現時籌號", "Senha actual");
    private static final LocalizedText NUMBER = LocalizedText.of("Number", "籌號", "Senha");
    private static final LocalizedText WAITING = LocalizedText.of("Waiting", "輪候人數", "Em espera");
    private static final LocalizedText RECENT = LocalizedText.of("Recent calls", "最近叫號", "Chamadas recentes");
    private static final LocalizedText NONE = LocalizedText.of("No service point is set up yet.", "尚未設立服務點。",
            "Ainda não há postos de atendimento.");
    private static final LocalizedText LANGUAGE = LocalizedText.of("Language", "語言", "Idioma");
    private static final LocalizedText YOUR_TICKET = LocalizedText.of("Your ticket", "您的籌號", "A sua senha");
    private static final LocalizedText PRINT = LocalizedText.of("Print", "列印", "Imprimir");
    private static final LocalizedText STATUS = LocalizedText.of("Check my application status", "查詢申請進度",
            "Consultar o estado da candidatura");
    private static final LocalizedText REFERENCE = LocalizedText.of("Reference number", "申請編號", "Número de referência");
    private static final LocalizedText ACCESS_CODE = LocalizedText.of("Access code", "查詢碼", "Código de acesso");
    private static final LocalizedText CHECK_STATUS = LocalizedText.of("Check status", "查詢進度", "Consultar estado");
    private static final LocalizedText PAGES = LocalizedText.of("Appointment pages", "預約頁面", "Páginas de marcação");

    /** Texts the scripts show. */
    private static final Map<String, LocalizedText> SCRIPT_TEXTS = Map.ofEntries(
            Map.entry("free", LocalizedText.of("{0} free", "尚餘 {0} 個", "{0} livres")),
            Map.entry("none", LocalizedText.of("No free times in the next two weeks.", "未來兩星期沒有可預約時段。",
                    "Sem horários livres nas próximas duas semanas.")),
            Map.entry("booked", LocalizedText.of("Booked for {0}. Your manage code: {1}. Keep it to change, cancel or check in.",
                    "已預約 {0}。您的管理碼：{1}。更改、取消或報到時需要使用。",
                    "Marcado para {0}. O seu código de gestão: {1}. Guarde-o para alterar, cancelar ou registar a chegada.")),
            Map.entry("calendar", LocalizedText.of("Add to my calendar (.ics)", "加入我的行事曆 (.ics)",
                    "Adicionar ao meu calendário (.ics)")),
            Map.entry("ticket", LocalizedText.of("Your number: {0}", "您的籌號：{0}", "A sua senha: {0}")),
            Map.entry("wait", LocalizedText.of("About {0} minutes, {1} ahead of you.", "約 {0} 分鐘，前面有 {1} 人。",
                    "Cerca de {0} minutos, {1} à sua frente.")),
            Map.entry("empty", LocalizedText.of("Nobody is waiting.", "沒有人輪候。", "Ninguém em espera.")),
            Map.entry("counter", LocalizedText.of("Counter", "櫃檯", "Balcão")),
            Map.entry("yourTicket", LocalizedText.of("Your ticket", "您的籌號", "A sua senha")),
            Map.entry("checkedIn", LocalizedText.of("You are checked in", "您已報到", "Chegada registada")));

    private AppointmentPages() {
    }

    /**
     * @param appointments the appointment service the pages list service points and services from
     * @param kioskIdleSeconds after how many seconds without a touch the kiosk clears its screen
     * @return the page resources to register
     */
    static Set<Object> create(AppointmentService appointments, int kioskIdleSeconds) {
        return Set.of(new Booking(appointments), new Kiosk(appointments, kioskIdleSeconds), new Counter(appointments),
                new Board(appointments));
    }

    /** {@code GET /appointments}: the booking calendar for applicants. */
    @Path("/appointments")
    public static final class Booking {
        private final AppointmentService appointments;

        Booking(AppointmentService appointments) {
            this.appointments = appointments;
        }

        /**
         * @param lang {@code en}, {@code zh-Hant} or {@code pt}; else {@code Accept-Language}
         * @param headers the request headers
         * @return the page
         */
        @GET
        @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
        public Response page(@QueryParam("lang") @Nullable String lang, @Context HttpHeaders headers) {
            Locale locale = locale(lang, headers);
            StringBuilder body = new StringBuilder("<form id=\"find\">\n<label for=\"service\">")
                    .append(esc(SERVICE.in(locale))).append("</label>\n<select id=\"service\" name=\"service\">");
            for (BookableService s : appointments.services(VISITOR, null)) {
                ServicePoint p = appointments.servicePoint(VISITOR, s.servicePointId());
                body.append("<option value=\"").append(esc(s.id().value())).append("\">")
                        .append(esc(s.definition().name().in(locale) + " - " + p.definition().name().in(locale)))
                        .append("</option>");
            }
            body.append("</select>\n<label for=\"username\">").append(esc(USER.in(locale)))
                    .append("</label>\n<input id=\"username\" name=\"username\" value=\"applicant1\" required>\n")
                    .append("<p><button type=\"submit\">").append(esc(SHOW.in(locale))).append("</button></p>\n</form>\n")
                    .append("<h2>").append(esc(FREE_TIMES.in(locale))).append("</h2>\n<div id=\"slots\"></div>\n")
                    .append("<output id=\"result\" aria-live=\"polite\"></output>\n");
            String script = """
                    const lang = document.documentElement.lang;
                    function day(d) { return d.toISOString().substring(0, 10); }
                    const shared = sessionStorage.getItem('portal-token');
                    if (shared) {
                      // signed in on /profile: book as that applicant, not as a demo user
                      const user = document.getElementById('username');
                      user.required = false;
                      user.hidden = true;
                      document.querySelector('label[for=username]').hidden = true;
                    }
                    async function token() {
                      if (shared) return shared;
                      const r = await fetch('/api/v1/dev/login', {method: 'POST', headers: {'Content-Type': 'application/json'},
                        body: JSON.stringify({username: document.getElementById('username').value})});
                      if (!r.ok) throw new Error(await r.text());
                      return (await r.json()).token;
                    }
                    document.getElementById('find').addEventListener('submit', async (event) => {
                      event.preventDefault();
                      const service = document.getElementById('service').value;
                      const today = new Date();
                      const last = new Date(today.getTime() + 14 * 86400000);
                      const response = await fetch('/api/v1/appointment-services/' + service + '/slots?from=' + day(today)
                        + '&to=' + day(last), {headers: {'Accept-Language': lang}});
                      const slots = (await response.json()).filter(s => s.free > 0);
                      const out = document.getElementById('slots');
                      out.replaceChildren();
                      if (slots.length === 0) { out.textContent = T.none; return; }
                      let list = null, current = null;
                      for (const s of slots) {
                        const date = s.localStart.substring(0, 10);
                        if (date !== current) {
                          current = date;
                          const h = document.createElement('h3'); h.textContent = date; out.append(h);
                          list = document.createElement('p'); out.append(list);
                        }
                        const b = document.createElement('button');
                        b.type = 'button';
                        b.className = 'slot';
                        b.textContent = s.localStart.substring(11, 16) + ' (' + fmt(T.free, s.free) + ')';
                        b.addEventListener('click', () => book(service, s));
                        list.append(b, ' ');
                      }
                    });
                    async function book(service, slot) {
                      const out = document.getElementById('result');
                      try {
                        const auth = {'Authorization': 'Bearer ' + await token(), 'Accept-Language': lang};
                        const r = await fetch('/api/v1/appointments', {method: 'POST',
                          headers: Object.assign({'Content-Type': 'application/json'}, auth),
                          body: JSON.stringify({serviceId: service, start: slot.start})});
                        const body = await r.json();
                        if (!r.ok) { out.textContent = body.detail || body.title; return; }
                        const id = body.appointment.id, code = body.manageCode;
                        const c = await fetch('/api/v1/appointments/' + id + '/confirm', {method: 'POST',
                          headers: {'Manage-Code': code, 'Accept-Language': lang}});
                        if (!c.ok) { out.textContent = (await c.json()).detail; return; }
                        const ics = await fetch('/api/v1/appointments/' + id + '.ics', {headers: {'Manage-Code': code,
                          'Accept-Language': lang}});
                        const link = document.createElement('a');
                        link.href = URL.createObjectURL(await ics.blob());
                        link.download = 'appointment.ics';
                        link.textContent = T.calendar;
                        const text = document.createElement('p');
                        text.id = 'booked';
                        text.dataset.manageCode = code;
                        text.textContent = fmt(T.booked, slot.localStart.replace('T', ' ').substring(0, 16), code);
                        out.replaceChildren(text, link);
                      } catch (e) { out.textContent = e.message; }
                    }
                    """;
            return html(locale, BOOK.in(locale), body.toString(), script, "/appointments");
        }
    }

    /**
     * {@code GET /kiosk}: the kiosk screen of a service point, for a touch screen in a public hall:
     * large touch targets, no link off the kiosk (only the language switch), walk-in tickets,
     * check-in with the manage code of an appointment, and the status of an application by reference
     * number and access code ({@code POST /api/v1/status-inquiries}). Each ticket, check-in receipt
     * and status result prints on its own. After {@code idleSeconds} without a touch or key, the
     * screen is cleared, the browser's session and local storage are emptied and the kiosk returns
     * to its welcome screen in its default language.
     */
    @Path("/kiosk")
    public static final class Kiosk {
        private final AppointmentService appointments;
        private final int idleSeconds;

        Kiosk(AppointmentService appointments, int idleSeconds) {
            this.appointments = appointments;
            this.idleSeconds = idleSeconds;
        }

        /**
         * @param lang the language
         * @param servicePoint the service point, default the first
         * @param headers the request headers
         * @return the page
         */
        @GET
        @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
        public Response page(@QueryParam("lang") @Nullable String lang,
                @QueryParam("servicePoint") @Nullable String servicePoint, @Context HttpHeaders headers) {
            Locale locale = locale(lang, headers);
            ServicePoint point = point(appointments, servicePoint);
            if (point == null) {
                return kiosk(locale, "<p>" + esc(NONE.in(locale)) + "</p>\n", "", "", idleSeconds);
            }
            String where = esc(point.definition().name().in(locale));
            StringBuilder body = new StringBuilder("<p class=\"where\">").append(where).append("</p>\n")
                    .append("<section aria-labelledby=\"take\">\n<h2 id=\"take\">").append(esc(TAKE.in(locale)))
                    .append("</h2>\n<p class=\"choices\">");
            for (BookableService s : appointments.services(VISITOR, point.id())) {
                body.append("<button type=\"button\" class=\"take\" data-service=\"").append(esc(s.id().value()))
                        .append("\">").append(esc(s.definition().name().in(locale))).append("</button> ");
            }
            body.append("</p>\n</section>\n<section aria-labelledby=\"have\">\n<h2 id=\"have\">")
                    .append(esc(HAVE.in(locale))).append("</h2>\n<form id=\"checkin\">\n")
                    .append("<label for=\"code\">").append(esc(CODE.in(locale))).append("</label>\n")
                    .append("<input id=\"code\" name=\"code\" autocomplete=\"off\" required>\n<p><button type=\"submit\">")
                    .append(esc(CHECK_IN.in(locale))).append("</button></p>\n</form>\n</section>\n")
                    .append("<section id=\"ticket\" class=\"receipt\" aria-live=\"assertive\" hidden>\n")
                    .append("<h2 id=\"ticket-heading\">").append(esc(YOUR_TICKET.in(locale))).append("</h2>\n")
                    .append("<p><strong id=\"number\"></strong></p>\n<p id=\"wait\"></p>\n<p>").append(where)
                    .append(" · <span class=\"printed-at\"></span></p>\n<p><button type=\"button\" class=\"print\">")
                    .append(esc(PRINT.in(locale))).append("</button></p>\n</section>\n")
                    .append("<p id=\"ticket-error\" class=\"error\" role=\"alert\"></p>\n")
                    .append("<section aria-labelledby=\"inquiry\">\n<h2 id=\"inquiry\">").append(esc(STATUS.in(locale)))
                    .append("</h2>\n<form id=\"status-inquiry\">\n<label for=\"reference\">").append(esc(REFERENCE.in(locale)))
                    .append("</label>\n<input id=\"reference\" name=\"reference\" autocomplete=\"off\" required>\n")
                    .append("<label for=\"access-code\">").append(esc(ACCESS_CODE.in(locale))).append("</label>\n")
                    .append("<input id=\"access-code\" name=\"accessCode\" autocomplete=\"off\" required>\n")
                    .append("<p><button type=\"submit\">").append(esc(CHECK_STATUS.in(locale))).append("</button></p>\n")
                    .append("</form>\n</section>\n<section id=\"status-result\" class=\"receipt\" aria-live=\"polite\" hidden>\n")
                    .append("<h2>").append(esc(STATUS.in(locale))).append("</h2>\n<p><strong id=\"status\"></strong> · ")
                    .append("<span id=\"status-reference\"></span></p>\n<ol id=\"timeline\"></ol>\n<p>").append(where)
                    .append(" · <span class=\"printed-at\"></span></p>\n<p><button type=\"button\" class=\"print\">")
                    .append(esc(PRINT.in(locale))).append("</button></p>\n</section>\n")
                    .append("<p id=\"status-error\" class=\"error\" role=\"alert\"></p>\n");
            String script = "const point = '" + point.id().value() + "';\n" + KIOSK_SCRIPT;
            return kiosk(locale, body.toString(), script, "servicePoint=" + point.id().value(), idleSeconds);
        }
    }

    /** The kiosk's script: tickets, check-in, status inquiry, printing and the idle timeout. */
    private static final String KIOSK_SCRIPT = """
            const lang = document.documentElement.lang;
            const statusKey = lang === 'zh-Hant' ? 'zhHant' : lang;
            const ticket = document.getElementById('ticket');
            const result = document.getElementById('status-result');
            function stamp(receipt) {
              receipt.querySelector('.printed-at').textContent = new Date().toLocaleString(lang);
            }
            async function show(response, heading) {
              const error = document.getElementById('ticket-error');
              const body = await response.json();
              if (!response.ok) { ticket.hidden = true; error.textContent = body.detail || body.title; return; }
              error.textContent = '';
              document.getElementById('ticket-heading').textContent = heading;
              document.getElementById('number').textContent = fmt(T.ticket, body.number);
              document.getElementById('wait').textContent = fmt(T.wait, body.estimatedWaitMinutes, body.ahead);
              stamp(ticket);
              ticket.hidden = false;
              ticket.scrollIntoView({block: 'center'});
            }
            for (const b of document.querySelectorAll('button.take')) {
              b.addEventListener('click', async () => show(await fetch('/api/v1/kiosk/tickets', {method: 'POST',
                headers: {'Content-Type': 'application/json', 'Accept-Language': lang},
                body: JSON.stringify({serviceId: b.dataset.service})}), T.yourTicket));
            }
            document.getElementById('checkin').addEventListener('submit', async (event) => {
              event.preventDefault();
              show(await fetch('/api/v1/kiosk/check-ins', {method: 'POST',
                headers: {'Content-Type': 'application/json', 'Accept-Language': lang},
                body: JSON.stringify({servicePointId: point, code: document.getElementById('code').value})}), T.checkedIn);
            });
            document.getElementById('status-inquiry').addEventListener('submit', async (event) => {
              event.preventDefault();
              const error = document.getElementById('status-error');
              const form = new FormData(event.target);
              const response = await fetch('/api/v1/status-inquiries', {method: 'POST',
                headers: {'Content-Type': 'application/json', 'Accept-Language': lang},
                body: JSON.stringify({referenceNumber: form.get('reference'), accessCode: form.get('accessCode')})});
              const body = await response.json();
              if (!response.ok) { result.hidden = true; error.textContent = body.detail || body.title; return; }
              error.textContent = '';
              document.getElementById('status').textContent = body.status[statusKey] || body.status.en;
              document.getElementById('status-reference').textContent = body.referenceNumber;
              document.getElementById('timeline').replaceChildren(...body.timeline.map(step => {
                const li = document.createElement('li');
                li.textContent = new Date(step.at).toLocaleString(lang) + ' \u2014 ' + (step.status[statusKey] || step.status.en);
                return li;
              }));
              stamp(result);
              result.hidden = false;
              result.scrollIntoView({block: 'center'});
              event.target.reset();
            });
            for (const button of document.querySelectorAll('button.print')) {
              button.addEventListener('click', () => {
                for (const r of document.querySelectorAll('.receipt')) r.classList.remove('printing');
                button.closest('.receipt').classList.add('printing');
                window.print();
              });
            }
            const idleSeconds = Number(document.body.dataset.idleSeconds);
            let idleTimer = null;
            function used() {
              return sessionStorage.length > 0 || localStorage.length > 0 || location.search.includes('lang=')
                || [...document.querySelectorAll('input')].some(i => i.value !== '')
                || [...document.querySelectorAll('.receipt')].some(r => !r.hidden)
                || [...document.querySelectorAll('.error')].some(e => e.textContent !== '');
            }
            function idle() {
              if (!used()) { awake(); return; }
              sessionStorage.clear();
              localStorage.clear();
              location.replace('/kiosk?' + document.body.dataset.self);
            }
            function awake() {
              clearTimeout(idleTimer);
              idleTimer = setTimeout(idle, idleSeconds * 1000);
            }
            for (const type of ['pointerdown', 'keydown', 'touchstart', 'input', 'wheel']) {
              document.addEventListener(type, awake, {passive: true, capture: true});
            }
            awake();
            """;

    /** The kiosk's own page frame: big type and touch targets, only the language switch as links. */
    private static Response kiosk(Locale locale, String body, String script, String self, int idleSeconds) {
        String tag = locale.toLanguageTag();
        Map<String, String> texts = new LinkedHashMap<>();
        SCRIPT_TEXTS.forEach((k, v) -> texts.put(k, v.in(locale)));
        String prefix = "/kiosk?" + (self.isEmpty() ? "" : self + "&");
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(tag).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(KIOSK.in(locale))).append("</title>\n<style>").append(KIOSK_STYLE).append("</style>\n")
                .append("</head>\n<body data-idle-seconds=\"").append(idleSeconds).append("\" data-self=\"").append(esc(self))
                .append("\">\n<nav aria-label=\"").append(esc(LANGUAGE.in(locale))).append("\">");
        for (String[] l : new String[][] {{"en", "English"}, {"zh-Hant", "繁體中文"}, {"pt", "Português"}}) {
            html.append("<a href=\"").append(esc(prefix)).append("lang=").append(l[0]).append("\" lang=\"").append(l[0])
                    .append("\" hreflang=\"").append(l[0]).append("\"").append(l[0].equals(tag) ? " aria-current=\"page\"" : "")
                    .append(">").append(l[1]).append("</a>");
        }
        html.append("</nav>\n<main>\n<h1>").append(esc(KIOSK.in(locale))).append("</h1>\n").append(body).append("</main>\n");
        if (!script.isEmpty()) {
            html.append("<script>\nconst T = ").append(json(texts)).append(";\n")
                    .append("function fmt(t, ...a) { return t.replace(/\\{(\\d)\\}/g, (m, i) => a[i]); }\n")
                    .append(script).append("</script>\n");
        }
        html.append("</body>\n</html>\n");
        return Response.ok(html.toString()).language(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    /**
     * Big type and touch targets of at least 64 by 64 CSS pixels; when printing, only the receipt
     * whose Print button was pressed (or, without one, every receipt shown) is printed.
     */
    private static final String KIOSK_STYLE = String.join("",
            "*,*::before,*::after{box-sizing:border-box}",
            "body{font-family:system-ui,sans-serif;font-size:1.5rem;line-height:1.5;max-width:60rem;margin:0 auto;",
            "padding:1rem 1.5rem;color:#1b1b1b;background:#fff;-webkit-user-select:none;user-select:none}",
            "body:lang(zh-Hant){font-family:system-ui,\"PingFang TC\",\"Microsoft JhengHei\",\"Noto Sans CJK TC\",sans-serif}",
            "h1{font-size:3rem;margin:.5rem 0}h2{font-size:2rem;margin:1.5rem 0 .5rem}",
            "nav{display:flex;flex-wrap:wrap;justify-content:flex-end;gap:.5rem}",
            "nav a{display:inline-flex;align-items:center;justify-content:center;min-height:64px;min-width:64px;",
            "padding:0 1.25rem;border:2px solid #0b57d0;border-radius:8px;color:#0b57d0;text-decoration:none}",
            "nav a[aria-current=page]{background:#0b57d0;color:#fff}",
            "label{display:block;margin-top:1rem;font-weight:600}",
            "input{font:inherit;width:100%;min-height:64px;padding:.5rem .75rem;border:2px solid #6e7781;border-radius:8px;",
            "-webkit-user-select:text;user-select:text}",
            "button{font:inherit;min-height:64px;min-width:64px;margin:.5rem .5rem .5rem 0;padding:.5rem 1.5rem;",
            "border:2px solid #0b57d0;border-radius:8px;background:#0b57d0;color:#fff;cursor:pointer;touch-action:manipulation}",
            "button:focus-visible,a:focus-visible,input:focus-visible{outline:4px solid #1b1b1b;outline-offset:2px}",
            ".choices{display:flex;flex-wrap:wrap;gap:.5rem}",
            ".receipt{border:3px dashed #1b1b1b;border-radius:8px;padding:.5rem 1.5rem;margin:1rem 0}",
            "#number{font-size:3rem}.error{color:#a40e26;font-weight:600}.error:empty{display:none}",
            "[hidden]{display:none!important}",
            "@media print{body{font-size:14pt;max-width:none;padding:0}nav,main>:not(.receipt),.receipt[hidden],",
            "button{display:none!important}body:has(.printing) main>.receipt:not(.printing){display:none!important}",
            ".receipt{border:none;margin:0;padding:0}}");

    /** {@code GET /counter}: the counter screen. */
    @Path("/counter")
    public static final class Counter {
        private final AppointmentService appointments;

        Counter(AppointmentService appointments) {
            this.appointments = appointments;
        }

        /**
         * @param lang the language
         * @param servicePoint the service point, default the first
         * @param headers the request headers
         * @return the page
         */
        @GET
        @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
        public Response page(@QueryParam("lang") @Nullable String lang,
                @QueryParam("servicePoint") @Nullable String servicePoint, @Context HttpHeaders headers) {
            Locale locale = locale(lang, headers);
            ServicePoint point = point(appointments, servicePoint);
            if (point == null) {
                return html(locale, COUNTER.in(locale), "<p>" + esc(NONE.in(locale)) + "</p>", "", "/counter");
            }
            StringBuilder body = new StringBuilder("<p class=\"where\">")
                    .append(esc(point.definition().name().in(locale))).append("</p>\n<form id=\"desk\">\n")
                    .append("<label for=\"counter\">").append(esc(COUNTER.in(locale)))
                    .append("</label>\n<select id=\"counter\" name=\"counter\">");
            for (String c : point.definition().counters()) {
                body.append("<option>").append(esc(c)).append("</option>");
            }
            body.append("</select>\n<label for=\"username\">").append(esc(USER.in(locale)))
                    .append("</label>\n<input id=\"username\" name=\"username\" value=\"admin1\" required>\n")
                    .append("<p><button type=\"submit\" id=\"call\">").append(esc(CALL.in(locale))).append("</button> ")
                    .append("<button type=\"button\" id=\"skip\">").append(esc(SKIP.in(locale))).append("</button> ")
                    .append("<button type=\"button\" id=\"recall\">").append(esc(RECALL.in(locale))).append("</button> ")
                    .append("<button type=\"button\" id=\"done\">").append(esc(DONE.in(locale))).append("</button></p>\n")
                    .append("</form>\n<h2>").append(esc(CURRENT.in(locale))).append("</h2>\n")
                    .append("<output id=\"current\" aria-live=\"polite\"></output>\n");
            String script = "const point = '" + point.id().value() + "';\n" + """
                    const lang = document.documentElement.lang;
                    let token = null, ticket = null;
                    async function auth() {
                      if (!token) {
                        const r = await fetch('/api/v1/dev/login', {method: 'POST', headers: {'Content-Type': 'application/json'},
                          body: JSON.stringify({username: document.getElementById('username').value})});
                        token = (await r.json()).token;
                      }
                      return {'Authorization': 'Bearer ' + token, 'Accept-Language': lang, 'Content-Type': 'application/json'};
                    }
                    async function show(response) {
                      const out = document.getElementById('current');
                      if (response.status === 204) { ticket = null; out.textContent = T.empty; return; }
                      const body = await response.json();
                      if (!response.ok) { out.textContent = body.detail || body.title; return; }
                      ticket = body;
                      out.textContent = body.number + ' - ' + body.status;
                    }
                    document.getElementById('desk').addEventListener('submit', async (event) => {
                      event.preventDefault();
                      show(await fetch('/api/v1/counters/' + encodeURIComponent(document.getElementById('counter').value)
                        + '/call-next', {method: 'POST', headers: await auth(), body: JSON.stringify({servicePointId: point})}));
                    });
                    for (const [id, action] of [['skip', 'skip'], ['recall', 'recall'], ['done', 'complete']]) {
                      document.getElementById(id).addEventListener('click', async () => {
                        if (!ticket) return;
                        const counter = encodeURIComponent(document.getElementById('counter').value);
                        show(await fetch('/api/v1/tickets/' + ticket.id + '/' + action + '?counter=' + counter,
                          {method: 'POST', headers: await auth()}));
                      });
                    }
                    """;
            return html(locale, COUNTER.in(locale), body.toString(), script, "/counter?servicePoint=" + point.id().value());
        }
    }

    /** {@code GET /board}: the display board, refreshed every five seconds. */
    @Path("/board")
    public static final class Board {
        private final AppointmentService appointments;

        Board(AppointmentService appointments) {
            this.appointments = appointments;
        }

        /**
         * @param lang the language
         * @param servicePoint the service point, default the first
         * @param headers the request headers
         * @return the page
         */
        @GET
        @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
        public Response page(@QueryParam("lang") @Nullable String lang,
                @QueryParam("servicePoint") @Nullable String servicePoint, @Context HttpHeaders headers) {
            Locale locale = locale(lang, headers);
            ServicePoint point = point(appointments, servicePoint);
            if (point == null) {
                return html(locale, BOARD.in(locale), "<p>" + esc(NONE.in(locale)) + "</p>", "", "/board");
            }
            String body = "<p class=\"where\">" + esc(point.definition().name().in(locale)) + "</p>\n"
                    + "<table id=\"board\"><caption>" + esc(BOARD.in(locale)) + "</caption>\n<thead><tr><th scope=\"col\">"
                    + esc(COUNTER.in(locale)) + "</th><th scope=\"col\">" + esc(NUMBER.in(locale))
                    + "</th></tr></thead>\n<tbody></tbody></table>\n<p>" + esc(WAITING.in(locale))
                    + ": <span id=\"waiting\">0</span></p>\n<h2>" + esc(RECENT.in(locale))
                    + "</h2>\n<ol id=\"recent\"></ol>\n";
            String script = "const point = '" + point.id().value() + "';\n" + """
                    async function refresh() {
                      const r = await fetch('/api/v1/service-points/' + point + '/board');
                      if (!r.ok) return;
                      const board = await r.json();
                      const rows = board.counters.map(e => {
                        const tr = document.createElement('tr');
                        const c = document.createElement('td'); c.textContent = e.counter;
                        const n = document.createElement('td'); n.textContent = e.number; n.className = 'number';
                        tr.append(c, n);
                        return tr;
                      });
                      document.querySelector('#board tbody').replaceChildren(...rows);
                      document.getElementById('waiting').textContent = board.waiting;
                      document.getElementById('recent').replaceChildren(...board.recent.map(e => {
                        const li = document.createElement('li');
                        li.textContent = e.number + ' - ' + T.counter + ' ' + e.counter;
                        return li;
                      }));
                    }
                    refresh();
                    setInterval(refresh, 5000);
                    """;
            return html(locale, BOARD.in(locale), body, script, "/board?servicePoint=" + point.id().value());
        }
    }

    private static @Nullable ServicePoint point(AppointmentService appointments, @Nullable String id) {
        if (id != null && !id.isBlank()) {
            return appointments.servicePoint(VISITOR, new ServicePointId(id));
        }
        List<ServicePoint> all = appointments.servicePoints(VISITOR);
        return all.isEmpty() ? null : all.get(0);
    }

    private static Locale locale(@Nullable String lang, HttpHeaders headers) {
        return lang != null && !lang.isBlank() ? GcamLocales.resolve(Locale.forLanguageTag(lang))
                : GcamLocales.resolve(headers.getAcceptableLanguages());
    }

    private static Response html(Locale locale, String title, String body, String script, String self) {
        String tag = locale.toLanguageTag();
        Map<String, String> texts = new LinkedHashMap<>();
        SCRIPT_TEXTS.forEach((k, v) -> texts.put(k, v.in(locale)));
        String separator = self.contains("?") ? "&" : "?";
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(tag).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;")
                .append("line-height:1.6;color:#1b1b1b;background:#fff}label{display:block;margin-top:.75rem}")
                .append("button{font-size:1rem;margin:.25rem 0;padding:.4rem .8rem}")
                .append("output{display:block;white-space:pre-wrap;background:#f3f3f3;padding:.5rem;margin-top:1rem;")
                .append("font-size:1.25rem}table{border-collapse:collapse;font-size:2rem}th,td{padding:.25rem 1.5rem;")
                .append("border-bottom:1px solid #767676;text-align:left}nav a{margin-right:1rem}</style>\n")
                .append("</head>\n<body>\n<nav aria-label=\"").append(esc(PAGES.in(locale))).append("\">")
                .append("<a href=\"/appointments?lang=").append(tag).append("\">").append(esc(BOOK.in(locale))).append("</a>")
                .append("<a href=\"/kiosk?lang=").append(tag).append("\">").append(esc(TAKE.in(locale))).append("</a>")
                .append("<a href=\"/counter?lang=").append(tag).append("\">").append(esc(COUNTER.in(locale))).append("</a>")
                .append("<a href=\"/board?lang=").append(tag).append("\">").append(esc(BOARD.in(locale))).append("</a>")
                .append(" | <a href=\"").append(esc(self + separator)).append("lang=en\" lang=\"en\">English</a>")
                .append("<a href=\"").append(esc(self + separator)).append("lang=zh-Hant\" lang=\"zh-Hant\">繁體中文</a>")
                .append("<a href=\"").append(esc(self + separator)).append("lang=pt\" lang=\"pt\">Português</a></nav>\n")
                .append("<main>\n<h1>").append(esc(title)).append("</h1>\n").append(body).append("</main>\n");
        if (!script.isEmpty()) {
            html.append("<script>\nconst T = ").append(json(texts)).append(";\n")
                    .append("function fmt(t, ...a) { return t.replace(/\\{(\\d)\\}/g, (m, i) => a[i]); }\n")
                    .append(script).append("</script>\n");
        }
        html.append("</body>\n</html>\n");
        return Response.ok(html.toString()).language(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    private static String json(Map<String, String> texts) {
        try {
            // Escape "<" so that no text can close the script element.
            return JSON.writeValueAsString(texts).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
