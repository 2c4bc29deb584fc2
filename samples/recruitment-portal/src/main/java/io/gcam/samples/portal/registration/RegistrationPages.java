package io.gcam.samples.portal.registration;

import io.gcam.core.Actor;
import io.gcam.core.GcamLocales;
import io.gcam.core.LocalizedText;
import io.gcam.core.PageRequest;
import io.gcam.registration.Activity;
import io.gcam.registration.RegistrationService;
import io.gcam.registration.Session;
import io.gcam.rest.Problems;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The registration pages of the portal, in English, Traditional Chinese and Portuguese:
 * {@code GET /registration} for applicants (open activities and their sessions, register, see the
 * outcome, list, cancel and move one's own registrations to another session) and
 * {@code GET /registration/staff} for staff (an activity's registrations with filters, counts, paging,
 * the CSV export and cancellation with a reason; for administrators, opening, closing and cancelling
 * the activity). The pages are
 * rendered on the server; signing in (a demo user) and the actions use the JSON API from a small
 * script, with the page's language as {@code Accept-Language}, so refusals arrive already translated.
 */
public final class RegistrationPages {

    static final ZoneId ZONE = ZoneId.of("Asia/Macau");

    private static final LocalizedText LANGUAGE = LocalizedText.of("Language", "語言", "Idioma");
    private static final LocalizedText HOME = LocalizedText.of("Home", "主頁", "Início");
    private static final LocalizedText SIGN_IN = LocalizedText.of("Sign in", "登入", "Entrar");
    private static final LocalizedText USER = LocalizedText.of("Demo user", "示範用戶", "Utilizador de demonstração");
    private static final LocalizedText SESSION = LocalizedText.of("Session", "場次", "Sessão");
    private static final LocalizedText STATUS = LocalizedText.of("Status", "狀態", "Estado");
    private static final LocalizedText ACTION = LocalizedText.of("Action", "操作", "Ação");

    /** Plain, readable and accessible (WCAG AA contrast), like the home page. */
    private static final String STYLE = String.join("",
            "*,*::before,*::after{box-sizing:border-box}",
            "body{margin:0;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;line-height:1.6;",
            "color:#1b1b1b;background:#fff}",
            "body:lang(zh-Hant){font-family:system-ui,\"PingFang TC\",\"Microsoft JhengHei\",\"Noto Sans CJK TC\",sans-serif}",
            "header,main{padding:0 max(1rem,calc((100% - 52rem)/2))}",
            "header{padding-top:.75rem;padding-bottom:.75rem;border-bottom:1px solid #d0d7de}",
            "nav ul{display:flex;flex-wrap:wrap;justify-content:flex-end;gap:.25rem 1.25rem;list-style:none;margin:0;padding:0}",
            "a,a:visited{color:#0b57d0}a:focus-visible,button:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}",
            "nav a[aria-current=page]{color:#1b1b1b;font-weight:700;text-decoration:none}",
            "h1{font-size:2rem;line-height:1.25;margin:2rem 0 1rem}h2{font-size:1.35rem;margin:2rem 0 .5rem}",
            "h3{font-size:1.1rem;margin:1.25rem 0 .25rem}",
            "table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}",
            "th,td{text-align:left;padding:.4rem .75rem .4rem 0;border-bottom:1px solid #d0d7de;vertical-align:top}",
            "thead th{font-weight:600}tbody th{font-weight:400}",
            "form{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;margin:.5rem 0}",
            "label{display:flex;flex-direction:column;font-weight:600}",
            "input,select{font:inherit;font-weight:400;padding:.3rem .4rem;border:1px solid #6e7781;border-radius:4px;min-width:10rem}",
            "button{font:inherit;padding:.35rem .9rem;border:1px solid #0b57d0;border-radius:4px;background:#0b57d0;",
            "color:#fff;cursor:pointer}button.secondary{background:#fff;color:#0b57d0}",
            "[hidden]{display:none!important}[role=status]{min-height:1.6em}",
            "#result{margin:1rem 0;padding:.5rem .75rem;border-left:4px solid #6e7781;background:#f6f8fa}",
            "#result:empty{display:none}#result[data-outcome=CONFIRMED]{border-color:#1a7f37}",
            "#result[data-outcome=WAITLISTED]{border-color:#9a6700}#result.refused{border-color:#cf222e}",
            ".actions{display:flex;flex-wrap:wrap;gap:.4rem .75rem;align-items:flex-end}",
            ".actions label{font-weight:400}.actions select{min-width:8rem}",
            "button.danger{background:#b42318;border-color:#b42318}button:disabled{cursor:not-allowed}",
            "#action-result:empty{display:none}#action-result{padding:.5rem .75rem;border-left:4px solid #6e7781;",
            "background:#f6f8fa}#action-result.refused{border-color:#cf222e}",
            "@media (max-width:30rem){h1{font-size:1.6rem}table{font-size:.8rem}th,td{padding-right:.3rem}",
            "td,th{word-break:break-word}input,select{min-width:0;width:100%}label{width:100%}}");

    private RegistrationPages() {
    }

    static Locale locale(@Nullable String lang, HttpHeaders headers) {
        return lang != null && !lang.isBlank() ? GcamLocales.resolve(Locale.forLanguageTag(lang)) : Problems.locale(headers);
    }

    static StringBuilder head(Locale locale, String title, String path) {
        String tag = locale.toLanguageTag();
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(tag).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<header>\n<nav aria-label=\"").append(esc(LANGUAGE.in(locale))).append("\">\n<ul>\n")
                .append("<li><a href=\"/?lang=").append(tag).append("\">").append(esc(HOME.in(locale))).append("</a></li>\n")
                .append(languageLink(path, "en", "English", tag))
                .append(languageLink(path, "zh-Hant", "繁體中文", tag))
                .append(languageLink(path, "pt", "Português", tag))
                .append("</ul>\n</nav>\n</header>\n<main>\n<h1>").append(esc(title)).append("</h1>\n");
        return html;
    }

    static void signInForm(StringBuilder html, Locale locale, String defaultUser) {
        html.append("<section aria-labelledby=\"sign-in\">\n<h2 id=\"sign-in\">").append(esc(SIGN_IN.in(locale)))
                .append("</h2>\n<form id=\"sign-in-form\">\n<label for=\"username\">").append(esc(USER.in(locale)))
                .append("<input id=\"username\" name=\"username\" value=\"").append(esc(defaultUser))
                .append("\" autocomplete=\"username\" required></label>\n<button type=\"submit\">")
                .append(esc(SIGN_IN.in(locale))).append("</button>\n</form>\n<p id=\"who\" role=\"status\"></p>\n</section>\n");
    }

    /** The texts the page's script shows, in the page's language, as a JSON object. */
    static void texts(StringBuilder html, Locale locale, Map<String, LocalizedText> texts) {
        html.append("<script type=\"application/json\" id=\"texts\">{");
        boolean first = true;
        for (Map.Entry<String, LocalizedText> e : texts.entrySet()) {
            if (!first) {
                html.append(',');
            }
            first = false;
            html.append('"').append(e.getKey()).append("\":\"").append(json(e.getValue().in(locale))).append('"');
        }
        html.append("}</script>\n");
    }

    static Response respond(StringBuilder html, Locale locale) {
        html.append("</body>\n</html>\n");
        return Response.ok(html.toString()).language(locale.toLanguageTag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    static String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(ZONE)
                .format(instant);
    }

    private static String languageLink(String path, String lang, String label, String current) {
        String aria = lang.equals(current) ? " aria-current=\"page\"" : "";
        return "<li><a href=\"" + path + "?lang=" + lang + "\" hreflang=\"" + lang + "\" lang=\"" + lang + "\"" + aria
                + ">" + label + "</a></li>\n";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The script both pages share: the texts, the API call with the page's language, signing in. */
    private static final String COMMON_SCRIPT = """
            const texts = JSON.parse(document.getElementById('texts').textContent);
            const lang = document.documentElement.lang;
            const say = (key, value) => texts[key].replace('{0}', value);
            const pick = (text) => (text && (text[lang === 'zh-Hant' ? 'zhHant' : lang] || text.en)) || '';
            const when = (iso) => new Date(iso).toLocaleString(lang, {timeZone: 'Asia/Macau', dateStyle: 'medium', timeStyle: 'short'});
            let token = sessionStorage.getItem(TOKEN_KEY);
            let whoami = null;
            async function api(method, path, body, extra) {
              const headers = Object.assign({'Accept-Language': lang, 'Accept': 'application/json'}, extra || {});
              if (token) headers['Authorization'] = 'Bearer ' + token;
              if (body) headers['Content-Type'] = 'application/json';
              const response = await fetch(path, {method, headers, body: body ? JSON.stringify(body) : undefined});
              const text = await response.text();
              let json = null;
              try { json = text ? JSON.parse(text) : null; } catch (e) { json = {detail: text}; }
              return {status: response.status, body: json};
            }
            async function whoAmI() {
              const who = document.getElementById('who');
              if (!token) { who.textContent = texts.signInFirst; return false; }
              const me = await api('GET', '/api/v1/me');
              if (me.status !== 200) { token = null; sessionStorage.removeItem(TOKEN_KEY); who.textContent = texts.signInFirst; return false; }
              whoami = me.body;
              who.textContent = say('signedIn', me.body.subjectId);
              return true;
            }
            document.getElementById('sign-in-form').addEventListener('submit', async (event) => {
              event.preventDefault();
              const login = await api('POST', '/api/v1/dev/login', {username: new FormData(event.target).get('username')});
              if (login.status !== 200) { document.getElementById('who').textContent = login.body.detail || login.body.title; return; }
              token = login.body.token;
              sessionStorage.setItem(TOKEN_KEY, token);
              if (await whoAmI()) await signedIn();
            });
            """;

    // ------------------------------------------------------------------------------------ applicants

    /** {@code GET /registration}: open activities, registering, one's own registrations. */
    @Path("/registration")
    public static final class ApplicantPage {

        private static final LocalizedText TITLE = LocalizedText.of("Register for exams and activities", "報名考試及活動",
                "Inscrição em exames e atividades");
        private static final LocalizedText INTRO = LocalizedText.of(
                "Sign in, choose a session and register. While seats are free you are confirmed and get a candidate"
                        + " number; when the session is full you may join its waitlist.",
                "登入後選擇場次報名。尚有名額時即獲確認並取得考生編號；場次額滿時可加入候補名單。",
                "Entre, escolha uma sessão e inscreva-se. Enquanto houver lugares, a inscrição é confirmada e recebe um"
                        + " número de candidato; com a sessão cheia, pode entrar na lista de espera.");
        private static final LocalizedText OPEN = LocalizedText.of("Open activities", "接受報名的活動", "Atividades abertas");
        private static final LocalizedText NONE_OPEN = LocalizedText.of("No activity is open for registration at the moment.",
                "目前沒有接受報名的活動。", "De momento não há atividades abertas a inscrições.");
        private static final LocalizedText WINDOW = LocalizedText.of("Registration closes {0}; cancel before {1}.",
                "報名截止：{0}；取消報名期限：{1}。", "As inscrições fecham em {0}; cancele antes de {1}.");
        private static final LocalizedText STARTS = LocalizedText.of("Starts", "開始時間", "Início");
        private static final LocalizedText FREE = LocalizedText.of("Free seats", "餘額", "Lugares livres");
        private static final LocalizedText WAITING = LocalizedText.of("Waitlist", "候補", "Lista de espera");
        private static final LocalizedText REGISTER = LocalizedText.of("Register", "報名", "Inscrever-me");
        private static final LocalizedText MINE = LocalizedText.of("My registrations", "我的報名", "As minhas inscrições");
        private static final LocalizedText NUMBER = LocalizedText.of("Candidate number or place", "考生編號或候補位置",
                "Número de candidato ou lugar");

        private static final Map<String, LocalizedText> TEXTS = new LinkedHashMap<>();

        static {
            TEXTS.put("signInFirst", LocalizedText.of("Sign in first (for example as applicant1).",
                    "請先登入（例如 applicant1）。", "Entre primeiro (por exemplo como applicant1)."));
            TEXTS.put("signedIn", LocalizedText.of("Signed in as {0}.", "已登入：{0}。", "Sessão iniciada como {0}."));
            TEXTS.put("confirmed", LocalizedText.of("Registration confirmed. Your candidate number is {0}.",
                    "報名已確認。您的考生編號為 {0}。", "Inscrição confirmada. O seu número de candidato é {0}."));
            TEXTS.put("waitlisted", LocalizedText.of("The session is full: you are number {0} on its waitlist.",
                    "場次已額滿：您在候補名單的第 {0}位。", "A sessão está cheia: é o número {0} na lista de espera."));
            TEXTS.put("cancelled", LocalizedText.of("Your registration is cancelled.", "您的報名已取消。",
                    "A sua inscrição foi cancelada."));
            TEXTS.put("place", LocalizedText.of("waitlist place {0}", "候補第 {0} 位", "lugar {0} na lista de espera"));
            TEXTS.put("none", LocalizedText.of("You have no registrations yet.", "您尚未報名。", "Ainda não tem inscrições."));
            TEXTS.put("cancel", LocalizedText.of("Cancel", "取消報名", "Cancelar"));
            TEXTS.put("CONFIRMED", LocalizedText.of("Confirmed", "已確認", "Confirmada"));
            TEXTS.put("WAITLISTED", LocalizedText.of("Waitlisted", "候補中", "Em lista de espera"));
            TEXTS.put("CANCELLED", LocalizedText.of("Cancelled", "已取消", "Cancelada"));
            TEXTS.put("moveTo", LocalizedText.of("Move to", "改到", "Mudar para"));
            TEXTS.put("change", LocalizedText.of("Change session", "更改場次", "Mudar de sessão"));
            TEXTS.put("moved", LocalizedText.of("Your registration is now for {0}, confirmed.",
                    "您的報名已改到 {0}，並已確認。", "A sua inscrição passou para {0} e está confirmada."));
        }

        private static final String SCRIPT = """
                const TOKEN_KEY = 'gcam-registration-applicant';
                // signed in on /profile: register as that applicant
                if (sessionStorage.getItem('portal-token')) sessionStorage.setItem(TOKEN_KEY, sessionStorage.getItem('portal-token'));
                """ + COMMON_SCRIPT + """
                const venues = {};
                for (const row of document.querySelectorAll('tr[data-session]')) venues[row.dataset.session] = row.dataset.venue;
                const result = document.getElementById('result');
                function show(outcome, message, refused) {
                  result.dataset.outcome = outcome;
                  result.classList.toggle('refused', !!refused);
                  result.textContent = message;
                }
                async function refreshSeats(activityId) {
                  const activity = await api('GET', '/api/v1/activities/' + activityId);
                  if (activity.status !== 200) return;
                  for (const s of activity.body.sessions) {
                    const row = document.querySelector('tr[data-session="' + s.id + '"]');
                    if (!row) continue;
                    row.querySelector('.free').textContent = s.freeSeats;
                    row.querySelector('.waiting').textContent = s.waitlisted;
                  }
                }
                async function loadMine() {
                  const table = document.getElementById('my-registrations');
                  const empty = document.getElementById('my-empty');
                  const mine = await api('GET', '/api/v1/me/registrations?size=50');
                  // Activities no longer listed (closed or cancelled) are still readable by id: name their venues.
                  const unnamed = mine.status === 200 ? mine.body.items.filter(r => !venues[r.sessionId]) : [];
                  for (const id of new Set(unnamed.map(r => r.activityId))) {
                    const activity = await api('GET', '/api/v1/activities/' + id);
                    if (activity.status === 200) for (const s of activity.body.sessions) venues[s.id] = pick(s.venue);
                  }
                  const body = table.querySelector('tbody');
                  body.replaceChildren();
                  if (mine.status !== 200 || mine.body.items.length === 0) {
                    table.hidden = true; empty.hidden = false; empty.textContent = mine.status === 200 ? texts.none : texts.signInFirst;
                    return;
                  }
                  table.hidden = false; empty.hidden = true;
                  for (const r of mine.body.items) {
                    const row = document.createElement('tr');
                    row.dataset.registration = r.id;
                    row.dataset.status = r.status;
                    const venue = document.createElement('th'); venue.scope = 'row'; venue.textContent = venues[r.sessionId] || r.sessionId;
                    const status = document.createElement('td'); status.textContent = texts[r.status];
                    const number = document.createElement('td');
                    number.textContent = r.candidateNumber || (r.waitlistPosition ? say('place', r.waitlistPosition) : '');
                    const action = document.createElement('td');
                    const box = document.createElement('div');
                    box.className = 'actions';
                    action.append(box);
                    if (r.status !== 'CANCELLED') {
                      const button = document.createElement('button');
                      button.type = 'button'; button.className = 'secondary cancel'; button.textContent = texts.cancel;
                      button.setAttribute('aria-label', texts.cancel + ': ' + (venues[r.sessionId] || r.sessionId));
                      button.addEventListener('click', async () => {
                        const done = await api('DELETE', '/api/v1/registrations/' + r.id);
                        if (done.status === 200) show('CANCELLED', texts.cancelled);
                        else show(done.body.code || String(done.status), done.body.detail || done.body.title, true);
                        await loadMine();
                        await refreshSeats(r.activityId);
                      });
                      box.append(button);
                      // The other sessions of the same activity, as the page lists them (an activity that
                      // no longer takes registrations is not listed: applicants cannot move then).
                      const others = [...document.querySelectorAll('article[data-activity="' + r.activityId
                          + '"] tr[data-session]')].filter(other => other.dataset.session !== r.sessionId);
                      if (others.length > 0) {
                        const label = document.createElement('label');
                        label.className = 'move';
                        label.append(texts.moveTo);
                        const target = document.createElement('select');
                        target.className = 'target';
                        for (const other of others) target.append(new Option(other.dataset.venue, other.dataset.session));
                        label.append(target);
                        const move = document.createElement('button');
                        move.type = 'button'; move.className = 'secondary change'; move.textContent = texts.change;
                        move.setAttribute('aria-label', texts.change + ': ' + (venues[r.sessionId] || r.sessionId));
                        move.addEventListener('click', async () => {
                          const key = (self.crypto && crypto.randomUUID) ? crypto.randomUUID() : Date.now() + '-' + Math.random();
                          const done = await api('POST', '/api/v1/registrations/' + r.id + '/session-change',
                              {sessionId: target.value}, {'Idempotency-Key': key});
                          if (done.status === 200) show('MOVED', say('moved', venues[done.body.sessionId] || done.body.sessionId));
                          else show(done.body.code || String(done.status), done.body.detail || done.body.title, true);
                          await loadMine();
                          await refreshSeats(r.activityId);
                        });
                        box.append(label, move);
                      }
                    }
                    row.append(venue, status, number, action);
                    body.append(row);
                  }
                }
                for (const button of document.querySelectorAll('button.register')) {
                  button.addEventListener('click', async () => {
                    if (!token) { show('SIGN_IN', texts.signInFirst, true); return; }
                    const key = (self.crypto && crypto.randomUUID) ? crypto.randomUUID() : Date.now() + '-' + Math.random();
                    const done = await api('POST', '/api/v1/activities/' + button.dataset.activity + '/registrations',
                        {sessionId: button.dataset.session}, {'Idempotency-Key': key});
                    if (done.status === 201 && done.body.status === 'CONFIRMED') show('CONFIRMED', say('confirmed', done.body.candidateNumber));
                    else if (done.status === 201) show('WAITLISTED', say('waitlisted', done.body.waitlistPosition));
                    else show(done.body.code || String(done.status), done.body.detail || done.body.title, true);
                    await loadMine();
                    await refreshSeats(button.dataset.activity);
                  });
                }
                async function signedIn() { await loadMine(); }
                whoAmI().then(ok => { if (ok) loadMine(); });
                """;

        private final RegistrationService service;

        ApplicantPage(RegistrationService service) {
            this.service = service;
        }

        /**
         * @param lang {@code en}, {@code zh-Hant} or {@code pt}; else {@code Accept-Language}
         * @param headers the request headers
         * @return the page
         */
        @GET
        @Produces("text/html;charset=UTF-8")
        public Response page(@QueryParam("lang") @Nullable String lang, @Context HttpHeaders headers) {
            Locale locale = locale(lang, headers);
            StringBuilder html = head(locale, TITLE.in(locale), "/registration");
            html.append("<p>").append(esc(INTRO.in(locale))).append("</p>\n");
            signInForm(html, locale, "applicant1");
            html.append("<section aria-labelledby=\"open\">\n<h2 id=\"open\">").append(esc(OPEN.in(locale))).append("</h2>\n");
            // Applicants see the open activities; a visitor who has not signed in sees the same.
            List<Activity> open = service.activities(Actor.applicant("portal-visitor"), PageRequest.of(0, 50)).items();
            if (open.isEmpty()) {
                html.append("<p>").append(esc(NONE_OPEN.in(locale))).append("</p>\n");
            }
            for (Activity a : open) {
                html.append("<article data-activity=\"").append(esc(a.id().value())).append("\">\n<h3>")
                        .append(esc(a.title().in(locale))).append("</h3>\n");
                LocalizedText description = a.definition().description();
                if (description != null) {
                    html.append("<p>").append(esc(description.in(locale))).append("</p>\n");
                }
                html.append("<p>").append(esc(WINDOW.in(locale)
                        .replace("{0}", dateTime(a.definition().registrationCloses(), locale))
                        .replace("{1}", dateTime(a.definition().cancellationDeadline(), locale)))).append("</p>\n")
                        .append("<table>\n<thead><tr><th scope=\"col\">").append(esc(SESSION.in(locale)))
                        .append("</th><th scope=\"col\">").append(esc(STARTS.in(locale)))
                        .append("</th><th scope=\"col\">").append(esc(FREE.in(locale)))
                        .append("</th><th scope=\"col\">").append(esc(WAITING.in(locale)))
                        .append("</th><th scope=\"col\">").append(esc(ACTION.in(locale))).append("</th></tr></thead>\n<tbody>\n");
                for (Session s : a.sessions()) {
                    String venue = s.venue().in(locale);
                    html.append("<tr data-session=\"").append(esc(s.id().value())).append("\" data-venue=\"").append(esc(venue))
                            .append("\"><th scope=\"row\">").append(esc(venue)).append("</th><td>")
                            .append(esc(dateTime(s.startsAt(), locale))).append("</td><td class=\"free\">")
                            .append(s.freeSeats()).append("</td><td class=\"waiting\">").append(s.waitlisted())
                            .append("</td><td><button type=\"button\" class=\"register\" data-activity=\"")
                            .append(esc(a.id().value())).append("\" data-session=\"").append(esc(s.id().value()))
                            .append("\" aria-label=\"").append(esc(REGISTER.in(locale) + ": " + venue)).append("\">")
                            .append(esc(REGISTER.in(locale))).append("</button></td></tr>\n");
                }
                html.append("</tbody>\n</table>\n</article>\n");
            }
            html.append("<div id=\"result\" role=\"status\" aria-live=\"polite\"></div>\n</section>\n")
                    .append("<section aria-labelledby=\"mine\">\n<h2 id=\"mine\">").append(esc(MINE.in(locale)))
                    .append("</h2>\n<table id=\"my-registrations\" hidden>\n<thead><tr><th scope=\"col\">")
                    .append(esc(SESSION.in(locale))).append("</th><th scope=\"col\">").append(esc(STATUS.in(locale)))
                    .append("</th><th scope=\"col\">").append(esc(NUMBER.in(locale))).append("</th><th scope=\"col\">")
                    .append(esc(ACTION.in(locale))).append("</th></tr></thead>\n<tbody></tbody>\n</table>\n")
                    .append("<p id=\"my-empty\">").append(esc(TEXTS.get("signInFirst").in(locale))).append("</p>\n</section>\n")
                    .append("</main>\n");
            texts(html, locale, TEXTS);
            html.append("<script>\n").append(SCRIPT).append("</script>\n");
            return respond(html, locale);
        }
    }

    // ------------------------------------------------------------------------------------ staff

    /** {@code GET /registration/staff}: an activity's registrations, filtered and paged, and the CSV. */
    @Path("/registration/staff")
    public static final class StaffPage {

        private static final LocalizedText TITLE = LocalizedText.of("Registrations (staff)", "報名記錄（工作人員）",
                "Inscrições (trabalhadores)");
        private static final LocalizedText INTRO = LocalizedText.of(
                "Sign in as an administrator or registration officer of the agency to list an activity's registrations,"
                        + " export them for Excel and cancel them; administrators also open, close or cancel the activity.",
                "以部門的管理員或報名事務人員身分登入，即可查看活動的報名記錄、匯出為 Excel 可用的檔案及取消報名；"
                        + "管理員亦可開放、截止或取消活動。",
                "Entre como administrador ou responsável pelas inscrições do serviço para ver as inscrições de uma"
                        + " atividade, exportá-las para o Excel e cancelá-las; os administradores também abrem, encerram"
                        + " ou cancelam a atividade.");
        private static final LocalizedText LIST = LocalizedText.of("Registrations", "報名記錄", "Inscrições");
        private static final LocalizedText ACTIVITY = LocalizedText.of("Activity", "活動", "Atividade");
        private static final LocalizedText ALL_SESSIONS = LocalizedText.of("All sessions", "所有場次", "Todas as sessões");
        private static final LocalizedText ALL = LocalizedText.of("All", "全部", "Todos");
        private static final LocalizedText SHOW = LocalizedText.of("Show", "顯示", "Mostrar");
        private static final LocalizedText APPLICANT = LocalizedText.of("Applicant", "報名人", "Candidato");
        private static final LocalizedText NUMBER = LocalizedText.of("Candidate number", "考生編號", "Número de candidato");
        private static final LocalizedText PLACE = LocalizedText.of("Waitlist place", "候補位置", "Lugar na lista de espera");
        private static final LocalizedText REGISTERED = LocalizedText.of("Registered at", "報名時間", "Inscrito em");
        private static final LocalizedText PREVIOUS = LocalizedText.of("Previous page", "上一頁", "Página anterior");
        private static final LocalizedText NEXT = LocalizedText.of("Next page", "下一頁", "Página seguinte");
        private static final LocalizedText CSV = LocalizedText.of("Export as CSV (Excel)", "匯出 CSV（Excel）",
                "Exportar em CSV (Excel)");
        private static final LocalizedText MANAGE = LocalizedText.of("Status and cancellations", "狀態及取消",
                "Estado e cancelamentos");
        private static final LocalizedText REASON = LocalizedText.of(
                "Reason for cancelling (told to the applicants; no personal data)",
                "取消原因（會通知報名人；請勿填寫個人資料）",
                "Motivo do cancelamento (comunicado aos candidatos; sem dados pessoais)");
        private static final LocalizedText OPEN_ACTIVITY = LocalizedText.of("Open registration", "開放報名",
                "Abrir inscrições");
        private static final LocalizedText CLOSE_ACTIVITY = LocalizedText.of("Close registration", "截止報名",
                "Encerrar inscrições");
        private static final LocalizedText CANCEL_ACTIVITY = LocalizedText.of("Cancel the activity and all its registrations",
                "取消活動及其所有報名", "Cancelar a atividade e todas as inscrições");

        private static final Map<String, LocalizedText> TEXTS = new LinkedHashMap<>();

        static {
            TEXTS.put("signInFirst", LocalizedText.of("Sign in first (for example as admin1).", "請先登入（例如 admin1）。",
                    "Entre primeiro (por exemplo como admin1)."));
            TEXTS.put("signedIn", LocalizedText.of("Signed in as {0}.", "已登入：{0}。", "Sessão iniciada como {0}."));
            TEXTS.put("counts", LocalizedText.of("Confirmed {0}, waitlisted {1}, cancelled {2}.",
                    "已確認 {0}，候補 {1}，已取消 {2}。", "Confirmadas {0}, em lista de espera {1}, canceladas {2}."));
            TEXTS.put("pageOf", LocalizedText.of("Page {0} of {1}", "第 {0} 頁，共 {1} 頁", "Página {0} de {1}"));
            TEXTS.put("none", LocalizedText.of("No registrations match.", "沒有符合條件的報名記錄。",
                    "Nenhuma inscrição corresponde."));
            TEXTS.put("CONFIRMED", LocalizedText.of("Confirmed", "已確認", "Confirmada"));
            TEXTS.put("WAITLISTED", LocalizedText.of("Waitlisted", "候補中", "Em lista de espera"));
            TEXTS.put("CANCELLED", LocalizedText.of("Cancelled", "已取消", "Cancelada"));
            TEXTS.put("statusIs", LocalizedText.of("Status of this activity: {0}.", "此活動的狀態：{0}。",
                    "Estado desta atividade: {0}."));
            TEXTS.put("A_DRAFT", LocalizedText.of("draft, not published", "草稿，未公佈", "rascunho, não publicada"));
            TEXTS.put("A_OPEN", LocalizedText.of("open for registration", "接受報名中", "aberta a inscrições"));
            TEXTS.put("A_CLOSED", LocalizedText.of("registration closed", "已截止報名", "inscrições encerradas"));
            TEXTS.put("A_CANCELLED", LocalizedText.of("cancelled", "已取消", "cancelada"));
            TEXTS.put("opened", LocalizedText.of("Registration is open.", "已開放報名。", "As inscrições estão abertas."));
            TEXTS.put("closed", LocalizedText.of("Registration is closed; registrations stay as they are.",
                    "已截止報名；現有報名維持不變。", "As inscrições estão encerradas; as existentes mantêm-se."));
            TEXTS.put("activityCancelled", LocalizedText.of("The activity is cancelled, and so are all its registrations.",
                    "活動已取消，其所有報名亦已取消。", "A atividade foi cancelada, tal como todas as suas inscrições."));
            TEXTS.put("reasonRequired", LocalizedText.of("Give the reason for cancelling first: the applicants are told.",
                    "請先填寫取消原因：系統會通知報名人。", "Indique primeiro o motivo do cancelamento: os candidatos são informados."));
            TEXTS.put("cancel", LocalizedText.of("Cancel", "取消報名", "Cancelar"));
            TEXTS.put("cancelOf", LocalizedText.of("Cancel the registration of {0}", "取消 {0} 的報名",
                    "Cancelar a inscrição de {0}"));
            TEXTS.put("registrationCancelled", LocalizedText.of("The registration of {0} is cancelled.",
                    "{0} 的報名已取消。", "A inscrição de {0} foi cancelada."));
        }

        private static final String SCRIPT = """
                const TOKEN_KEY = 'gcam-registration-staff';
                """ + COMMON_SCRIPT + """
                const form = document.getElementById('filters');
                const activitySelect = document.getElementById('activity');
                const sessionSelect = document.getElementById('session');
                const statusSelect = document.getElementById('status');
                const csv = document.getElementById('csv-export');
                const status = document.getElementById('list-status');
                const staffActions = document.getElementById('staff-actions');
                const statusButtons = document.getElementById('status-buttons');
                const activityStatus = document.getElementById('activity-status');
                const actionResult = document.getElementById('action-result');
                const reason = document.getElementById('reason');
                let activities = [];
                let page = 0;
                let pages = 1;
                const current = () => activities.find(a => a.id === activitySelect.value);
                const hasRole = (...roles) => !!whoami && whoami.roles.some(r => roles.includes(r));
                function reasonQuery() {
                  const text = reason.value.trim();
                  return text ? '?reason=' + encodeURIComponent(text) : '';
                }
                function report(outcome, message, refused) {
                  actionResult.dataset.outcome = outcome;
                  actionResult.classList.toggle('refused', !!refused);
                  actionResult.textContent = message;
                }
                function renderStatus() {
                  const activity = current();
                  staffActions.hidden = !activity || !hasRole('ADMIN', 'REGISTRATION_OFFICER');
                  statusButtons.hidden = !hasRole('ADMIN');
                  if (!activity) return;
                  activityStatus.dataset.status = activity.status;
                  activityStatus.textContent = say('statusIs', texts['A_' + activity.status]);
                  document.getElementById('open-activity').disabled = !['DRAFT', 'CLOSED'].includes(activity.status);
                  document.getElementById('close-activity').disabled = activity.status !== 'OPEN';
                  document.getElementById('cancel-activity').disabled = activity.status === 'CANCELLED';
                }
                async function changeStatus(action, done) {
                  const activity = current();
                  if (action === 'cancel' && !reason.value.trim()) { report('REASON_REQUIRED', texts.reasonRequired, true); reason.focus(); return; }
                  const result = await api('POST', '/api/v1/activities/' + activity.id + '/' + action
                      + (action === 'cancel' ? reasonQuery() : ''));
                  if (result.status === 200) {
                    activities[activities.indexOf(activity)] = result.body;
                    report(result.body.status, texts[done]);
                  } else {
                    report(result.body.code || String(result.status), result.body.detail || result.body.title, true);
                  }
                  renderStatus();
                  await list();
                }
                document.getElementById('open-activity').addEventListener('click', () => changeStatus('open', 'opened'));
                document.getElementById('close-activity').addEventListener('click', () => changeStatus('close', 'closed'));
                document.getElementById('cancel-activity').addEventListener('click', () => changeStatus('cancel', 'activityCancelled'));
                function venueOf(sessionId) {
                  const activity = activities.find(a => a.id === activitySelect.value);
                  const session = activity && activity.sessions.find(s => s.id === sessionId);
                  return session ? pick(session.venue) : sessionId;
                }
                function fillSessions() {
                  const activity = activities.find(a => a.id === activitySelect.value);
                  sessionSelect.replaceChildren(sessionSelect.options[0]);
                  for (const s of (activity ? activity.sessions : [])) {
                    sessionSelect.append(new Option(pick(s.venue) + ' · ' + when(s.startsAt), s.id));
                  }
                }
                function query() {
                  const q = new URLSearchParams();
                  if (sessionSelect.value) q.set('session', sessionSelect.value);
                  if (statusSelect.value) q.set('status', statusSelect.value);
                  return q;
                }
                async function list() {
                  const id = activitySelect.value;
                  if (!id) return;
                  const q = query();
                  csv.href = '/api/v1/activities/' + id + '/registrations.csv' + (q.toString() ? '?' + q : '');
                  csv.hidden = false;
                  q.set('page', page); q.set('size', 20);
                  const found = await api('GET', '/api/v1/activities/' + id + '/registrations?' + q);
                  const body = document.querySelector('#registrations tbody');
                  body.replaceChildren();
                  if (found.status !== 200) { status.textContent = found.body.detail || found.body.title; return; }
                  for (const r of found.body.items) {
                    const row = document.createElement('tr');
                    row.dataset.registration = r.id;
                    row.dataset.status = r.status;
                    const cells = [r.applicantId, venueOf(r.sessionId), texts[r.status], r.candidateNumber || '',
                        r.waitlistPosition || '', when(r.registeredAt)];
                    cells.forEach((text, i) => {
                      const cell = document.createElement(i === 0 ? 'th' : 'td');
                      if (i === 0) cell.scope = 'row';
                      cell.textContent = text;
                      row.append(cell);
                    });
                    const action = document.createElement('td');
                    if (r.status !== 'CANCELLED' && hasRole('ADMIN', 'REGISTRATION_OFFICER')) {
                      const button = document.createElement('button');
                      button.type = 'button'; button.className = 'secondary cancel'; button.textContent = texts.cancel;
                      button.setAttribute('aria-label', say('cancelOf', r.applicantId));
                      button.addEventListener('click', async () => {
                        const done = await api('DELETE', '/api/v1/registrations/' + r.id + reasonQuery());
                        if (done.status === 200) report('CANCELLED', say('registrationCancelled', r.applicantId));
                        else report(done.body.code || String(done.status), done.body.detail || done.body.title, true);
                        await list();
                      });
                      action.append(button);
                    }
                    row.append(action);
                    body.append(row);
                  }
                  pages = Math.max(1, Math.ceil(found.body.total / 20));
                  status.textContent = found.body.items.length === 0 ? texts.none
                      : texts.pageOf.replace('{0}', page + 1).replace('{1}', pages);
                  document.getElementById('previous').disabled = page === 0;
                  document.getElementById('next').disabled = page + 1 >= pages;
                  const counts = await api('GET', '/api/v1/activities/' + id + '/counts'
                      + (sessionSelect.value ? '?session=' + sessionSelect.value : ''));
                  if (counts.status === 200) {
                    document.getElementById('counts').textContent = texts.counts.replace('{0}', counts.body.confirmed)
                        .replace('{1}', counts.body.waitlisted).replace('{2}', counts.body.cancelled);
                  }
                }
                async function signedIn() {
                  const found = await api('GET', '/api/v1/activities?size=100');
                  if (found.status !== 200) return;
                  activities = found.body.items;
                  activitySelect.replaceChildren(...activities.map(a => new Option(pick(a.title), a.id)));
                  fillSessions();
                  form.hidden = false;
                  renderStatus();
                  page = 0;
                  await list();
                }
                activitySelect.addEventListener('change', () => { fillSessions(); renderStatus(); page = 0; list(); });
                form.addEventListener('submit', (event) => { event.preventDefault(); page = 0; list(); });
                document.getElementById('previous').addEventListener('click', () => { if (page > 0) { page--; list(); } });
                document.getElementById('next').addEventListener('click', () => { if (page + 1 < pages) { page++; list(); } });
                // The export needs the bearer token, which a plain link cannot send: fetch it and save the file.
                csv.addEventListener('click', async (event) => {
                  event.preventDefault();
                  const response = await fetch(csv.href, {headers: {'Authorization': 'Bearer ' + token, 'Accept-Language': lang}});
                  if (!response.ok) { status.textContent = (await response.json()).detail; return; }
                  const url = URL.createObjectURL(await response.blob());
                  const a = document.createElement('a');
                  a.href = url; a.download = 'registrations.csv';
                  document.body.append(a); a.click(); a.remove();
                  setTimeout(() => URL.revokeObjectURL(url), 10000);
                });
                whoAmI().then(ok => { if (ok) signedIn(); });
                """;

        StaffPage() {
        }

        /**
         * @param lang {@code en}, {@code zh-Hant} or {@code pt}; else {@code Accept-Language}
         * @param headers the request headers
         * @return the page
         */
        @GET
        @Produces("text/html;charset=UTF-8")
        public Response page(@QueryParam("lang") @Nullable String lang, @Context HttpHeaders headers) {
            Locale locale = locale(lang, headers);
            StringBuilder html = head(locale, TITLE.in(locale), "/registration/staff");
            html.append("<p>").append(esc(INTRO.in(locale))).append("</p>\n");
            signInForm(html, locale, "admin1");
            html.append("<section aria-labelledby=\"list\">\n<h2 id=\"list\">").append(esc(LIST.in(locale)))
                    .append("</h2>\n<form id=\"filters\" hidden>\n<label for=\"activity\">").append(esc(ACTIVITY.in(locale)))
                    .append("<select id=\"activity\" name=\"activity\"></select></label>\n<label for=\"session\">")
                    .append(esc(SESSION.in(locale))).append("<select id=\"session\" name=\"session\"><option value=\"\">")
                    .append(esc(ALL_SESSIONS.in(locale))).append("</option></select></label>\n<label for=\"status\">")
                    .append(esc(STATUS.in(locale))).append("<select id=\"status\" name=\"status\"><option value=\"\">")
                    .append(esc(ALL.in(locale))).append("</option>");
            for (String s : new String[] {"CONFIRMED", "WAITLISTED", "CANCELLED"}) {
                html.append("<option value=\"").append(s).append("\">").append(esc(TEXTS.get(s).in(locale))).append("</option>");
            }
            html.append("</select></label>\n<button type=\"submit\">").append(esc(SHOW.in(locale)))
                    .append("</button>\n</form>\n")
                    .append("<div id=\"staff-actions\" hidden>\n<h3 id=\"manage\">").append(esc(MANAGE.in(locale)))
                    .append("</h3>\n<p id=\"activity-status\"></p>\n<label for=\"reason\">").append(esc(REASON.in(locale)))
                    .append("<input id=\"reason\" name=\"reason\" maxlength=\"500\"></label>\n")
                    .append("<p class=\"actions\" id=\"status-buttons\"><button type=\"button\" class=\"secondary\" id=\"open-activity\">")
                    .append(esc(OPEN_ACTIVITY.in(locale))).append("</button><button type=\"button\" class=\"secondary\" id=\"close-activity\">")
                    .append(esc(CLOSE_ACTIVITY.in(locale))).append("</button><button type=\"button\" class=\"danger\" id=\"cancel-activity\">")
                    .append(esc(CANCEL_ACTIVITY.in(locale))).append("</button></p>\n")
                    .append("<p id=\"action-result\" role=\"status\" aria-live=\"polite\"></p>\n</div>\n")
                    .append("<p id=\"counts\" role=\"status\"></p>\n")
                    .append("<table id=\"registrations\">\n<thead><tr><th scope=\"col\">").append(esc(APPLICANT.in(locale)))
                    .append("</th><th scope=\"col\">").append(esc(SESSION.in(locale)))
                    .append("</th><th scope=\"col\">").append(esc(STATUS.in(locale)))
                    .append("</th><th scope=\"col\">").append(esc(NUMBER.in(locale)))
                    .append("</th><th scope=\"col\">").append(esc(PLACE.in(locale)))
                    .append("</th><th scope=\"col\">").append(esc(REGISTERED.in(locale)))
                    .append("</th><th scope=\"col\">").append(esc(ACTION.in(locale)))
                    .append("</th></tr></thead>\n<tbody></tbody>\n</table>\n<p id=\"list-status\" role=\"status\"></p>\n")
                    .append("<p><button type=\"button\" class=\"secondary\" id=\"previous\" disabled>")
                    .append(esc(PREVIOUS.in(locale))).append("</button> <button type=\"button\" class=\"secondary\" id=\"next\" disabled>")
                    .append(esc(NEXT.in(locale))).append("</button></p>\n<p><a id=\"csv-export\" href=\"#\" hidden>")
                    .append(esc(CSV.in(locale))).append("</a></p>\n</section>\n</main>\n");
            texts(html, locale, TEXTS);
            html.append("<script>\n").append(SCRIPT).append("</script>\n");
            return respond(html, locale);
        }
    }
}
