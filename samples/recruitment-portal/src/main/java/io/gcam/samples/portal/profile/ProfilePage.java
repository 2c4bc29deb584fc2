package io.gcam.samples.portal.profile;

import io.gcam.core.GcamLocales;
import io.gcam.core.LocalizedText;
import io.gcam.profile.ProfileField;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /profile}: sign in with a one-time code by email, then see and edit one's profile,
 * in English, Traditional Chinese or Portuguese. The page is rendered on the server; a small script
 * calls the JSON API ({@code /api/v1/login/email/*}, {@code /api/v1/me/profile}).
 */
@Path("/profile")
public final class ProfilePage {

    private static final LocalizedText TITLE = LocalizedText.of("My profile", "我的個人資料", "O meu perfil");
    private static final LocalizedText SIGN_IN = LocalizedText.of("Sign in with a code by email",
            "以電郵驗證碼登入", "Entrar com um código por email");
    private static final LocalizedText EMAIL = LocalizedText.of("Email address", "電郵地址", "Endereço de email");
    private static final LocalizedText SEND = LocalizedText.of("Send me a code", "發送驗證碼", "Enviar-me um código");
    private static final LocalizedText CODE = LocalizedText.of("Code from the email", "電郵中的驗證碼",
            "Código recebido por email");
    private static final LocalizedText VERIFY = LocalizedText.of("Sign in", "登入", "Entrar");
    private static final LocalizedText SENT = LocalizedText.of("A code was sent to {0}. In demo mode, open the demo"
            + " mailbox at /dev/mail.", "驗證碼已發送至 {0}。示範模式下請到 /dev/mail 查看示範郵箱。",
            "Foi enviado um código para {0}. No modo de demonstração, abra a caixa de correio em /dev/mail.");
    private static final LocalizedText CREATE = LocalizedText.of("Create my profile", "建立我的個人資料",
            "Criar o meu perfil");
    private static final LocalizedText SAVE = LocalizedText.of("Save", "儲存", "Guardar");
    private static final LocalizedText LOCKED = LocalizedText.of("verified, cannot be edited", "已核實，不能修改",
            "verificado, não pode ser alterado");
    private static final LocalizedText COMPLETE = LocalizedText.of("Profile complete: {0}%", "資料完整度：{0}%",
            "Perfil completo: {0}%");
    private static final LocalizedText MISSING = LocalizedText.of("Still missing:", "尚欠：", "Ainda em falta:");
    private static final LocalizedText SAVED = LocalizedText.of("Saved as version {0}.", "已儲存為第 {0} 版。",
            "Guardado como versão {0}.");
    private static final LocalizedText NO_PROFILE = LocalizedText.of("You have no profile yet.", "您尚未建立個人資料。",
            "Ainda não tem perfil.");

    private static final LocalizedText CHOOSE = LocalizedText.of("Choose", "請選擇", "Escolha");
    private static final LocalizedText DOCUMENT_TYPE = LocalizedText.of("Type", "類別", "Tipo");
    private static final LocalizedText DOCUMENT_NUMBER = LocalizedText.of("Number", "號碼", "Número");
    private static final LocalizedText LINE1 = LocalizedText.of("Street and number", "街道及門牌", "Rua e número");
    private static final LocalizedText CITY = LocalizedText.of("City", "城市", "Cidade");
    private static final LocalizedText COUNTRY = LocalizedText.of("Country code (e.g. MO)", "國家或地區代碼（例如 MO）",
            "Código do país (por exemplo MO)");
    private static final LocalizedText INSTITUTION = LocalizedText.of("School or university", "學校或大學",
            "Escola ou universidade");
    private static final LocalizedText QUALIFICATION = LocalizedText.of("Qualification", "學歷", "Habilitação");
    private static final LocalizedText YEAR = LocalizedText.of("Year completed", "畢業年份", "Ano de conclusão");
    private static final LocalizedText LANGUAGE = LocalizedText.of("Language", "語言", "Língua");
    private static final LocalizedText LEVEL = LocalizedText.of("Level", "程度", "Nível");

    /** The choices of the fields the page shows as lists: value, then label in each language. */
    private static final Map<ProfileField, Map<String, LocalizedText>> CHOICES = Map.of(
            ProfileField.GENDER, choices(
                    "FEMALE", LocalizedText.of("Female", "女", "Feminino"),
                    "MALE", LocalizedText.of("Male", "男", "Masculino"),
                    "OTHER", LocalizedText.of("Other", "其他", "Outro"),
                    "UNDISCLOSED", LocalizedText.of("Prefer not to say", "不願透露", "Prefiro não dizer")),
            ProfileField.RESIDENCY_STATUS, choices(
                    "PERMANENT_RESIDENT", LocalizedText.of("Permanent resident", "永久性居民", "Residente permanente"),
                    "NON_PERMANENT_RESIDENT", LocalizedText.of("Non-permanent resident", "非永久性居民",
                            "Residente não permanente"),
                    "NON_RESIDENT", LocalizedText.of("Not a resident", "非居民", "Não residente")),
            ProfileField.PREFERRED_LANGUAGE, choices(
                    "ENGLISH", LocalizedText.of("English", "英文", "Inglês"),
                    "TRADITIONAL_CHINESE", LocalizedText.of("Traditional Chinese", "繁體中文", "Chinês tradicional"),
                    "PORTUGUESE", LocalizedText.of("Portuguese", "葡文", "Português")),
            ProfileField.PREFERRED_CHANNEL, choices(
                    "EMAIL", LocalizedText.of("Email", "電郵", "Email"),
                    "SMS", LocalizedText.of("SMS", "短訊", "SMS"),
                    "IN_APP", LocalizedText.of("Messages in the portal", "入口網站訊息", "Mensagens no portal"),
                    "POST", LocalizedText.of("Letter", "郵寄信件", "Carta")));
    private static final Map<String, LocalizedText> DOCUMENT_TYPES = choices(
            "MACAU_RESIDENT_IDENTITY_CARD", LocalizedText.of("Macao resident identity card", "澳門居民身份證",
                    "Bilhete de identidade de residente de Macau"),
            "HONG_KONG_IDENTITY_CARD", LocalizedText.of("Hong Kong identity card", "香港身份證",
                    "Bilhete de identidade de Hong Kong"),
            "CHINA_RESIDENT_IDENTITY_CARD", LocalizedText.of("Resident identity card of China", "中國居民身份證",
                    "Bilhete de identidade de residente da China"),
            "PASSPORT", LocalizedText.of("Passport", "護照", "Passaporte"),
            "OTHER", LocalizedText.of("Other", "其他", "Outro"));
    /** The qualifications of the demo's scale ({@link ProfileWiring#QUALIFICATION_LEVELS}). */
    private static final Map<String, LocalizedText> QUALIFICATIONS = choices(
            "SECONDARY", LocalizedText.of("Secondary school", "中學", "Ensino secundário"),
            "ASSOCIATE", LocalizedText.of("Associate degree or higher diploma", "副學士或高級文憑",
                    "Diploma de associado ou curso superior"),
            "BACHELOR", LocalizedText.of("Bachelor's degree", "學士", "Licenciatura"),
            "MASTER", LocalizedText.of("Master's degree", "碩士", "Mestrado"),
            "DOCTORATE", LocalizedText.of("Doctorate", "博士", "Doutoramento"));
    private static final Map<String, LocalizedText> LANGUAGES = choices(
            "zh", LocalizedText.of("Chinese", "中文", "Chinês"),
            "pt", LocalizedText.of("Portuguese", "葡文", "Português"),
            "en", LocalizedText.of("English", "英文", "Inglês"));
    private static final Map<String, LocalizedText> LEVELS = choices(
            "A1", LocalizedText.of("A1 (beginner)", "A1（入門）", "A1 (iniciação)"),
            "A2", LocalizedText.of("A2 (elementary)", "A2（初級）", "A2 (elementar)"),
            "B1", LocalizedText.of("B1 (intermediate)", "B1（中級）", "B1 (intermédio)"),
            "B2", LocalizedText.of("B2 (upper intermediate)", "B2（中高級）", "B2 (intermédio superior)"),
            "C1", LocalizedText.of("C1 (advanced)", "C1（高級）", "C1 (avançado)"),
            "C2", LocalizedText.of("C2 (proficient)", "C2（精通）", "C2 (proficiente)"),
            "NATIVE", LocalizedText.of("Mother tongue", "母語", "Língua materna"));

    /** The text fields the page edits, in order. */
    private static final List<ProfileField> FIELDS = List.of(ProfileField.NAME_IN_CHINESE, ProfileField.FAMILY_NAME,
            ProfileField.GIVEN_NAMES, ProfileField.DATE_OF_BIRTH, ProfileField.NATIONALITY, ProfileField.EMAIL,
            ProfileField.PHONE);

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
                .append("line-height:1.6;color:#1b1b1b}label{display:block;margin-top:.75rem}[hidden]{display:none}")
                .append("output{display:block;white-space:pre-wrap;background:#f3f3f3;padding:.5rem;margin-top:1rem}</style>\n")
                .append("</head>\n<body>\n<main>\n<h1>").append(esc(TITLE.in(locale))).append("</h1>\n")
                .append("<nav><a href=\"?lang=en\">English</a> · <a href=\"?lang=zh-Hant\">繁體中文</a> · ")
                .append("<a href=\"?lang=pt\">Português</a></nav>\n")
                .append("<section id=\"signin\">\n<h2>").append(esc(SIGN_IN.in(locale))).append("</h2>\n")
                .append("<form id=\"send\"><label>").append(esc(EMAIL.in(locale)))
                .append(" <input type=\"email\" name=\"email\" required autocomplete=\"email\"></label>\n")
                .append("<p><button type=\"submit\">").append(esc(SEND.in(locale))).append("</button></p></form>\n")
                .append("<form id=\"verify\" hidden><label>").append(esc(CODE.in(locale)))
                .append(" <input name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" required></label>\n")
                .append("<p><button type=\"submit\">").append(esc(VERIFY.in(locale))).append("</button></p></form>\n")
                .append("</section>\n<section id=\"profile\" hidden>\n<p id=\"none\" hidden>").append(esc(NO_PROFILE.in(locale)))
                .append(" <button type=\"button\" id=\"create\">").append(esc(CREATE.in(locale))).append("</button></p>\n")
                .append("<p id=\"completeness\"></p>\n<form id=\"edit\" hidden>\n");
        for (ProfileField field : FIELDS) {
            html.append("<label>").append(esc(field.label().in(locale))).append(" <input name=\"").append(name(field))
                    .append("\"").append(field == ProfileField.DATE_OF_BIRTH ? " type=\"date\"" : "")
                    .append("> <small class=\"locked\" hidden>(").append(esc(LOCKED.in(locale))).append(")</small></label>\n");
        }
        for (Map.Entry<ProfileField, Map<String, LocalizedText>> c : new TreeMap<>(CHOICES).entrySet()) {
            html.append("<label>").append(esc(c.getKey().label().in(locale))).append(' ');
            select(html, locale, name(c.getKey()), c.getValue());
            html.append("</label>\n");
        }
        html.append("<fieldset><legend>").append(esc(ProfileField.IDENTITY_DOCUMENT.label().in(locale))).append("</legend>\n<label>")
                .append(esc(DOCUMENT_TYPE.in(locale))).append(' ');
        select(html, locale, "document.type", DOCUMENT_TYPES);
        html.append("</label>\n");
        sub(html, "document.number", DOCUMENT_NUMBER.in(locale));
        html.append("</fieldset>\n<fieldset><legend>").append(esc(ProfileField.ADDRESS.label().in(locale))).append("</legend>\n");
        sub(html, "address.line1", LINE1.in(locale));
        sub(html, "address.city", CITY.in(locale));
        sub(html, "address.country", COUNTRY.in(locale));
        html.append("</fieldset>\n<fieldset><legend>").append(esc(ProfileField.EDUCATION.label().in(locale))).append("</legend>\n");
        sub(html, "education.institution", INSTITUTION.in(locale));
        html.append("<label>").append(esc(QUALIFICATION.in(locale))).append(' ');
        select(html, locale, "education.qualification", QUALIFICATIONS);
        html.append("</label>\n");
        sub(html, "education.yearCompleted", YEAR.in(locale));
        html.append("</fieldset>\n<fieldset><legend>").append(esc(ProfileField.LANGUAGE_SKILLS.label().in(locale)))
                .append("</legend>\n<label>").append(esc(LANGUAGE.in(locale))).append(' ');
        select(html, locale, "languageSkills.language", LANGUAGES);
        html.append("</label>\n<label>").append(esc(LEVEL.in(locale))).append(' ');
        select(html, locale, "languageSkills.level", LEVELS);
        html.append("</label>\n</fieldset>\n");
        html.append("<p><button type=\"submit\">").append(esc(SAVE.in(locale))).append("</button></p>\n</form>\n</section>\n")
                .append("<output id=\"result\" aria-live=\"polite\"></output>\n</main>\n<script>\n")
                .append("const T = ").append(texts(locale)).append(";\n")
                .append(SCRIPT)
                .append("</script>\n</body>\n</html>\n");
        return Response.ok(html.toString()).language(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    private static Map<String, LocalizedText> choices(Object... valueThenLabel) {
        Map<String, LocalizedText> m = new LinkedHashMap<>();
        for (int i = 0; i < valueThenLabel.length; i += 2) {
            m.put((String) valueThenLabel[i], (LocalizedText) valueThenLabel[i + 1]);
        }
        return m;
    }

    private static void select(StringBuilder html, Locale locale, String name, Map<String, LocalizedText> options) {
        html.append("<select name=\"").append(name).append("\"><option value=\"\">").append(esc(CHOOSE.in(locale)))
                .append("</option>");
        options.forEach((value, label) -> html.append("<option value=\"").append(esc(value)).append("\">")
                .append(esc(label.in(locale))).append("</option>"));
        html.append("</select>");
    }

    private static void sub(StringBuilder html, String name, String label) {
        html.append("<label>").append(esc(label)).append(" <input name=\"").append(name).append("\"")
                .append(name.endsWith("yearCompleted") ? " inputmode=\"numeric\"" : "").append("></label>\n");
    }

    private static String name(ProfileField field) {
        String[] parts = field.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return name.toString();
    }

    private static String texts(Locale locale) {
        return "{sent: " + js(SENT.in(locale)) + ", complete: " + js(COMPLETE.in(locale)) + ", missing: "
                + js(MISSING.in(locale)) + ", saved: " + js(SAVED.in(locale)) + "}";
    }

    private static String js(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\x3c") + "'";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static final String SCRIPT = """
            const out = document.getElementById('result');
            const lang = document.documentElement.lang;
            const fmt = (text, value) => text.replace('{0}', value);
            let challenge = null, email = null, token = sessionStorage.getItem('portal-token'), profile = null;
            async function api(method, path, body) {
              const headers = {'Accept-Language': lang};
              if (token) headers['Authorization'] = 'Bearer ' + token;
              if (body !== undefined) headers['Content-Type'] = 'application/json';
              const response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
              const text = await response.text();
              return {status: response.status, body: text ? JSON.parse(text) : null};
            }
            function problem(r) { out.textContent = r.body && r.body.detail ? r.body.detail : ('HTTP ' + r.status); }
            document.getElementById('send').addEventListener('submit', async (event) => {
              event.preventDefault();
              email = new FormData(event.target).get('email');
              const r = await api('POST', '/api/v1/login/email/code', {email, language: lang});
              if (r.status !== 200) { problem(r); return; }
              challenge = r.body.challengeId;
              out.textContent = fmt(T.sent, r.body.sentTo);
              document.getElementById('verify').hidden = false;
            });
            document.getElementById('verify').addEventListener('submit', async (event) => {
              event.preventDefault();
              const code = new FormData(event.target).get('code');
              const r = await api('POST', '/api/v1/login/email/verify', {challengeId: challenge, email, code});
              if (r.status !== 200) { problem(r); return; }
              token = r.body.token;
              sessionStorage.setItem('portal-token', token);
              out.textContent = '';
              await load();
            });
            document.getElementById('create').addEventListener('click', async () => {
              const r = await api('POST', '/api/v1/me/profile', {});
              if (r.status !== 201) { problem(r); return; }
              show(r.body);
            });
            document.getElementById('edit').addEventListener('submit', async (event) => {
              event.preventDefault();
              const data = Object.assign({}, profile.data);
              const parts = {};
              for (const input of event.target.querySelectorAll('input, select')) {
                const value = input.value === '' ? null : input.value;
                const [field, part] = input.name.split('.');
                if (part) { (parts[field] = parts[field] || {})[part] = value; } else { data[field] = value; }
              }
              const filled = (o) => Object.values(o).some(v => v !== null);
              data.document = filled(parts.document) ? parts.document : null;
              data.address = filled(parts.address) ? parts.address : null;
              const school = parts.education;
              if (school.yearCompleted !== null) school.yearCompleted = Number(school.yearCompleted);
              data.education = filled(school) ? [school] : [];
              data.languageSkills = filled(parts.languageSkills) ? [parts.languageSkills] : [];
              const r = await api('PUT', '/api/v1/me/profile', {version: profile.version, data});
              if (r.status !== 200) { problem(r); return; }
              show(r.body);
              out.textContent = fmt(T.saved, r.body.version);
            });
            function show(p) {
              profile = p;
              document.getElementById('none').hidden = true;
              const form = document.getElementById('edit');
              form.hidden = false;
              const first = (list) => (list && list.length ? list[0] : {});
              const nested = {document: p.data.document || {}, address: p.data.address || {},
                  education: first(p.data.education), languageSkills: first(p.data.languageSkills)};
              for (const input of form.querySelectorAll('input, select')) {
                const [field, part] = input.name.split('.');
                const value = part ? nested[field][part] : p.data[field];
                input.value = value === null || value === undefined ? '' : value;
                if (!input.parentElement.querySelector('.locked')) continue;
                const locked = p.lockedFields.includes(input.name.replace(/[A-Z]/g, c => '_' + c).toUpperCase());
                input.readOnly = locked;
                input.parentElement.querySelector('.locked').hidden = !locked;
              }
              const missing = p.completeness.missing.map(m => m.label[lang === 'zh-Hant' ? 'zhHant' : lang] || m.label.en);
              document.getElementById('completeness').textContent = fmt(T.complete, p.completeness.percent)
                  + (missing.length ? ' ' + T.missing + ' ' + missing.join(', ') : '');
            }
            async function load() {
              if (!token) return;
              const r = await api('GET', '/api/v1/me/profile');
              if (r.status === 401) { token = null; sessionStorage.removeItem('portal-token'); return; }
              document.getElementById('signin').hidden = true;
              document.getElementById('profile').hidden = false;
              if (r.status === 404) { document.getElementById('none').hidden = false; return; }
              if (r.status !== 200) { problem(r); return; }
              show(r.body);
            }
            load();
            """;
}
