package io.gcam.catalog.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns text into search terms. Latin, Greek, Cyrillic and digits: words, lower-cased with accents
 * removed ("Recrutamento" and "recrutaménto" give {@code recrutamento}). Chinese, Japanese and
 * Korean text, written without spaces: each character and each pair of neighbouring characters
 * (bigrams), so that "招聘" is found inside "公務人員招聘".
 */
public final class TextFolding {

    private TextFolding() {
    }

    /**
     * Folds case and removes accents.
     *
     * @param text any text
     * @return lower case, without combining marks, compatibility forms normalised (full-width letters
     *     become ASCII)
     */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * @param codePoint a code point
     * @return whether it belongs to a script written without spaces between words
     */
    public static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /**
     * The terms of a document text: words, and for CJK runs every character and every bigram.
     *
     * @param text the text
     * @return the terms, in order, with repetitions
     */
    public static List<String> documentTerms(String text) {
        List<String> terms = new ArrayList<>();
        for (Run run : runs(fold(text))) {
            if (run.cjk()) {
                int[] cps = run.text().codePoints().toArray();
                for (int i = 0; i < cps.length; i++) {
                    terms.add(new String(cps, i, 1));
                    if (i + 1 < cps.length) {
                        terms.add(new String(cps, i, 2));
                    }
                }
            } else {
                terms.add(run.text());
            }
        }
        return terms;
    }

    /**
     * The terms a query must all match: words, and for a CJK run its bigrams (a single character
     * stays a unigram), so that a CJK query matches documents containing that character sequence.
     *
     * @param query the query text
     * @return the query terms, each once, in order
     */
    public static List<QueryTerm> queryTerms(String query) {
        List<QueryTerm> terms = new ArrayList<>();
        for (Run run : runs(fold(query))) {
            if (run.cjk()) {
                int[] cps = run.text().codePoints().toArray();
                if (cps.length == 1) {
                    add(terms, new QueryTerm(run.text(), false));
                }
                for (int i = 0; i + 1 < cps.length; i++) {
                    add(terms, new QueryTerm(new String(cps, i, 2), false));
                }
            } else {
                add(terms, new QueryTerm(run.text(), run.text().length() >= 3));
            }
        }
        return terms;
    }

    private static void add(List<QueryTerm> terms, QueryTerm term) {
        if (!terms.contains(term)) {
            terms.add(term);
        }
    }

    private static List<Run> runs(String folded) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean currentCjk = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            boolean cjk = isCjk(cp);
            boolean word = cjk || Character.isLetterOrDigit(cp);
            if (!word || (current.length() > 0 && cjk != currentCjk)) {
                if (current.length() > 0) {
                    runs.add(new Run(current.toString(), currentCjk));
                    current.setLength(0);
                }
            }
            if (word) {
                current.appendCodePoint(cp);
                currentCjk = cjk;
            }
        }
        if (current.length() > 0) {
            runs.add(new Run(current.toString(), currentCjk));
        }
        return runs;
    }

    private record Run(String text, boolean cjk) {
    }

    /**
     * One term of a query.
     *
     * @param text the folded term
     * @param prefix whether it also matches longer words that start with it
     */
    public record QueryTerm(String text, boolean prefix) {
    }
}
