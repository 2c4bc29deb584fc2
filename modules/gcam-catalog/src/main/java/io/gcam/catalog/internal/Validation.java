package io.gcam.catalog.internal;

import io.gcam.catalog.ContactPoint;
import io.gcam.catalog.Fee;
import io.gcam.catalog.ServiceDefinition;
import io.gcam.catalog.Step;
import io.gcam.core.LocalizedText;
import io.gcam.core.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Checks a {@link ServiceDefinition} before it is stored; reports every problem at once. */
public final class Validation {

    /** Service codes: upper case letters, digits, '-' and '_', 2 to 64 characters. */
    public static final Pattern SERVICE_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,63}");
    private static final Pattern AGENCY = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,99}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern REQUIREMENT = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,99}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_SHORT = 300;
    private static final int MAX_LONG = 4000;
    private static final int MAX_ITEMS = 50;

    private Validation() {
    }

    /**
     * @param d the definition
     * @throws ValidationException listing every offending field
     */
    public static void check(ServiceDefinition d) {
        List<ValidationException.Violation> v = new ArrayList<>();
        pattern(v, "code", d.code(), SERVICE_CODE, "2 to 64 upper-case letters, digits, '-' or '_'",
                "2 至 64 個大寫字母、數字、「-」或「_」", "2 a 64 letras maiúsculas, algarismos, '-' ou '_'");
        pattern(v, "agency", d.agency(), AGENCY, "upper-case letters, digits, '-' or '_'",
                "大寫字母、數字、「-」或「_」", "letras maiúsculas, algarismos, '-' ou '_'");
        pattern(v, "category", d.category(), SLUG, "lower-case letters, digits, '-' or '_'",
                "小寫字母、數字、「-」或「_」", "letras minúsculas, algarismos, '-' ou '_'");
        text(v, "name", d.name(), MAX_SHORT);
        text(v, "description", d.description(), MAX_LONG);
        if (d.whoMayApply() != null) {
            text(v, "whoMayApply", d.whoMayApply(), MAX_LONG);
        }
        count(v, "lifeEvents", d.lifeEvents().size());
        for (int i = 0; i < d.lifeEvents().size(); i++) {
            pattern(v, "lifeEvents[" + i + "]", d.lifeEvents().get(i), SLUG, "lower-case letters, digits, '-' or '_'",
                    "小寫字母、數字、「-」或「_」", "letras minúsculas, algarismos, '-' ou '_'");
        }
        keywords(v, "keywords.en", d.keywords().en());
        keywords(v, "keywords.zhHant", d.keywords().zhHant());
        keywords(v, "keywords.pt", d.keywords().pt());
        if (d.steps().isEmpty()) {
            v.add(violation("steps", "needs at least one step", "至少需要一個步驟", "precisa de pelo menos um passo"));
        }
        count(v, "steps", d.steps().size());
        for (int i = 0; i < d.steps().size(); i++) {
            Step s = d.steps().get(i);
            String p = "steps[" + i + "]";
            text(v, p + ".title", s.title(), MAX_SHORT);
            if (s.description() != null) {
                text(v, p + ".description", s.description(), MAX_LONG);
            }
            if (s.channels().isEmpty()) {
                v.add(violation(p + ".channels", "needs at least one channel", "至少需要一個辦理途徑",
                        "precisa de pelo menos um canal"));
            }
            count(v, p + ".requiredDocuments", s.requiredDocuments().size());
            for (int j = 0; j < s.requiredDocuments().size(); j++) {
                pattern(v, p + ".requiredDocuments[" + j + "]", s.requiredDocuments().get(j), REQUIREMENT,
                        "a requirement code of upper-case letters, digits, '.', '-' or '_'",
                        "由大寫字母、數字、「.」、「-」或「_」組成的文件要求編號",
                        "um código de requisito com letras maiúsculas, algarismos, '.', '-' ou '_'");
            }
            count(v, p + ".fees", s.fees().size());
            for (int j = 0; j < s.fees().size(); j++) {
                Fee f = s.fees().get(j);
                text(v, p + ".fees[" + j + "].description", f.description(), MAX_SHORT);
                pattern(v, p + ".fees[" + j + "].currency", f.currency(), CURRENCY, "an ISO 4217 code such as MOP",
                        "ISO 4217 貨幣代碼，例如 MOP", "um código ISO 4217 como MOP");
            }
        }
        count(v, "legalBasis", d.legalBasis().size());
        for (int i = 0; i < d.legalBasis().size(); i++) {
            text(v, "legalBasis[" + i + "]", d.legalBasis().get(i), MAX_SHORT);
        }
        count(v, "contactPoints", d.contactPoints().size());
        for (int i = 0; i < d.contactPoints().size(); i++) {
            ContactPoint c = d.contactPoints().get(i);
            text(v, "contactPoints[" + i + "].name", c.name(), MAX_SHORT);
            if (c.email() != null && (!c.email().contains("@") || c.email().length() > MAX_SHORT)) {
                v.add(violation("contactPoints[" + i + "].email", "is not an e-mail address", "不是有效的電郵地址",
                        "não é um endereço de correio eletrónico"));
            }
            if (c.phone() != null && c.phone().length() > 50) {
                v.add(violation("contactPoints[" + i + "].phone", "is too long", "過長", "é demasiado longo"));
            }
            if (c.address() != null) {
                text(v, "contactPoints[" + i + "].address", c.address(), MAX_SHORT);
            }
        }
        url(v, "applyOnlineUrl", d.applyOnlineUrl());
        url(v, "appointmentUrl", d.appointmentUrl());
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
    }

    private static void pattern(List<ValidationException.Violation> v, String field, String value, Pattern p,
            String en, String zh, String pt) {
        if (!p.matcher(value).matches()) {
            v.add(violation(field, "must be " + en, "必須是" + zh, "deve ser " + pt));
        }
    }

    private static void text(List<ValidationException.Violation> v, String field, LocalizedText t, int max) {
        for (String s : new String[] {t.en(), t.zhHant(), t.pt()}) {
            if (s != null && s.length() > max) {
                v.add(violation(field, "must be at most " + max + " characters long",
                        "長度不可超過 " + max + " 個字元", "deve ter no máximo " + max + " caracteres"));
                return;
            }
        }
    }

    private static void keywords(List<ValidationException.Violation> v, String field, List<String> words) {
        count(v, field, words.size());
        for (String w : words) {
            if (w.isBlank() || w.length() > 100) {
                v.add(violation(field, "keywords must be 1 to 100 characters long", "關鍵詞長度須為 1 至 100 個字元",
                        "as palavras-chave devem ter 1 a 100 caracteres"));
                return;
            }
        }
    }

    private static void count(List<ValidationException.Violation> v, String field, int n) {
        if (n > MAX_ITEMS) {
            v.add(violation(field, "may have at most " + MAX_ITEMS + " items", "最多 " + MAX_ITEMS + " 項",
                    "pode ter no máximo " + MAX_ITEMS + " elementos"));
        }
    }

    private static void url(List<ValidationException.Violation> v, String field, @Nullable String value) {
        if (value == null) {
            return;
        }
        boolean ok;
        try {
            URI uri = new URI(value);
            ok = uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null && value.length() <= 2000;
        } catch (URISyntaxException e) {
            ok = false;
        }
        if (!ok) {
            v.add(violation(field, "must be an absolute http or https address", "必須是完整的 http 或 https 網址",
                    "deve ser um endereço http ou https absoluto"));
        }
    }

    private static ValidationException.Violation violation(String field, String en, String zh, String pt) {
        return new ValidationException.Violation(field, LocalizedText.of(en, zh, pt));
    }
}
