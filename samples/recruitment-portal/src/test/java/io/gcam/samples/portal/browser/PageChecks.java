package io.gcam.samples.portal.browser;

import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Basic accessibility and layout checks of the page a browser shows, for any portal page:
 *
 * <ul>
 *   <li>the document has a {@code lang} attribute and a title;</li>
 *   <li>exactly one {@code h1}, heading levels that do not skip (h2 to h4), and a {@code main}
 *       landmark;</li>
 *   <li>every image has an {@code alt}, every form control a label, every link and button a
 *       name;</li>
 *   <li>every visible text has the WCAG 2.1 AA contrast against its background (4.5:1, or 3:1 for
 *       large text), computed from the colours the browser actually renders;</li>
 *   <li>the page does not scroll sideways at the window's width.</li>
 * </ul>
 *
 * <p>They do not replace an audit with assistive technology; they catch the regressions that a
 * code change most often brings.
 */
public final class PageChecks {

    private static final String SCRIPT = """
            const problems = [];
            const root = document.documentElement;
            if (!root.getAttribute('lang')) problems.push('the html element has no lang attribute');
            if (!document.title.trim()) problems.push('the page has no title');
            const h1 = document.querySelectorAll('h1').length;
            if (h1 !== 1) problems.push('expected one h1, found ' + h1);
            let previous = 0;
            for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
              const level = Number(h.tagName.substring(1));
              if (previous && level > previous + 1) {
                problems.push('heading level skips from h' + previous + ' to h' + level + ': ' + h.textContent.trim());
              }
              previous = level;
            }
            if (!document.querySelector('main, [role=main]')) problems.push('the page has no main landmark');
            for (const img of document.querySelectorAll('img')) {
              if (!img.hasAttribute('alt')) problems.push('image without alt: ' + img.getAttribute('src'));
            }
            for (const c of document.querySelectorAll('input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea')) {
              const named = (c.labels && c.labels.length > 0) || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby');
              if (!named) problems.push('form control without a label: ' + (c.name || c.id || c.outerHTML.substring(0, 80)));
            }
            for (const a of document.querySelectorAll('a[href], button, input[type=submit], input[type=button]')) {
              const name = (a.innerText || a.value || '').trim() || a.getAttribute('aria-label');
              if (!name) problems.push('link or button without a name: ' + a.outerHTML.substring(0, 80));
            }
            const canvas = document.createElement('canvas');
            canvas.width = 1; canvas.height = 1;
            const ctx = canvas.getContext('2d', { willReadFrequently: true });
            function rgba(color) {
              ctx.clearRect(0, 0, 1, 1);
              ctx.fillStyle = '#000';
              ctx.fillStyle = color;
              ctx.fillRect(0, 0, 1, 1);
              const d = ctx.getImageData(0, 0, 1, 1).data;
              return [d[0], d[1], d[2], d[3] / 255];
            }
            function over(top, bottom) {
              const a = top[3];
              return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a));
            }
            function background(el) {
              const layers = [];
              for (let e = el; e; e = e.parentElement) {
                const c = rgba(getComputedStyle(e).backgroundColor);
                if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
              }
              let bg = [255, 255, 255];
              for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
              return bg;
            }
            function luminance(rgb) {
              const [r, g, b] = rgb.map(v => {
                v /= 255;
                return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
              });
              return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            }
            const seen = new Set();
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const text = walker.currentNode.textContent.trim();
              const el = walker.currentNode.parentElement;
              if (!text || !el || seen.has(el)) continue;
              seen.add(el);
              const style = getComputedStyle(el);
              if (style.visibility !== 'visible' || el.getClientRects().length === 0) continue;
              const bg = background(el);
              const fg = over(rgba(style.color), bg);
              const l1 = luminance(fg), l2 = luminance(bg);
              const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
              const size = parseFloat(style.fontSize);
              const large = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66);
              const needed = large ? 3 : 4.5;
              if (ratio < needed) {
                problems.push('low contrast ' + ratio.toFixed(2) + ':1 (needs ' + needed + ':1) of "'
                    + text.substring(0, 40) + '" (' + style.color + ' on rgb(' + bg.map(Math.round).join(', ') + '))');
              }
            }
            if (root.scrollWidth > window.innerWidth) {
              problems.push('the page scrolls sideways: ' + root.scrollWidth + 'px wide in a ' + window.innerWidth + 'px window');
            }
            return problems;
            """;

    /** Finds what the page shows that is not in its own language; see {@link #untranslated(WebDriver)}. */
    private static final String UNTRANSLATED = """
            const lang = document.documentElement.lang;
            const problems = [];
            const messageKey = /^[a-z][a-zA-Z0-9]*(\\.[a-zA-Z0-9_-]+)+$/;
            const enumKey = /\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b/;
            const unfilled = /\\{\\d+\\}|\\(\\([a-zA-Z]+\\)\\)|\\?\\?\\?|\\bundefined\\b|\\[object Object\\]/;
            const englishWords = /[A-Za-z]{2,}\\s+[A-Za-z]{2,}/;
            const chinese = /[\\u3400-\\u9fff]/;
            function exempt(el) {
              if (el.closest('code, kbd, samp, script, style, [translate=no]')) return true;
              const own = el.closest('[lang]');
              return own && own.getAttribute('lang') !== lang;
            }
            function check(text, where) {
              text = text.trim();
              if (!text) return;
              if (messageKey.test(text)) problems.push('message key shown as text: "' + text + '" (' + where + ')');
              else if (enumKey.test(text)) problems.push('code name shown as text: "' + text.substring(0, 60) + '" (' + where + ')');
              else if (unfilled.test(text)) problems.push('unfilled placeholder: "' + text.substring(0, 60) + '" (' + where + ')');
              else if (lang === 'zh-Hant' && englishWords.test(text) && !chinese.test(text)) {
                problems.push('English text on a Chinese page: "' + text.substring(0, 60) + '" (' + where + ')');
              }
            }
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const el = walker.currentNode.parentElement;
              if (!el || exempt(el) || el.getClientRects().length === 0 || getComputedStyle(el).visibility !== 'visible') continue;
              check(walker.currentNode.textContent, el.tagName.toLowerCase() + (el.id ? '#' + el.id : ''));
            }
            for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], img[alt], input[type=submit], input[type=button]')) {
              if (exempt(el)) continue;
              for (const name of ['aria-label', 'placeholder', 'title', 'alt', 'value']) {
                if (el.hasAttribute(name) && (name !== 'value' || el.tagName === 'INPUT')) {
                  check(el.getAttribute(name), name + ' of ' + el.tagName.toLowerCase());
                }
              }
            }
            if (!chinese.test(document.title) && lang === 'zh-Hant') problems.push('the title is not in Chinese: ' + document.title);
            return problems;
            """;

    private PageChecks() {
    }

    /**
     * Finds texts the page shows that are not translated into its language (the {@code lang} of its
     * {@code html} element): message keys ({@code portal.title}), code names
     * ({@code DOCUMENTS_REQUESTED}), unfilled placeholders ({@code {0}}, {@code ((name))}) and, on a
     * Traditional Chinese page, English phrases without any Chinese. Visible texts and the
     * {@code aria-label}, {@code placeholder}, {@code title} and {@code alt} attributes are checked;
     * {@code code} elements and elements marked with another {@code lang} (the language switch, an
     * email in its own language) are not.
     *
     * @param browser a browser showing a loaded page
     * @return one readable line per untranslated text; empty when there is none
     */
    public static List<String> untranslated(WebDriver browser) {
        Object result = ((JavascriptExecutor) browser).executeScript(UNTRANSLATED);
        if (!(result instanceof List<?> list)) {
            throw new IllegalStateException("the translation checks returned " + result);
        }
        return list.stream().map(String::valueOf).toList();
    }

    /**
     * Checks the page the browser shows now.
     *
     * @param browser a browser showing a loaded page
     * @return one readable line per problem found; empty when the page passes every check
     */
    public static List<String> problems(WebDriver browser) {
        Object result = ((JavascriptExecutor) browser).executeScript(SCRIPT);
        if (!(result instanceof List<?> list)) {
            throw new IllegalStateException("the page checks returned " + result);
        }
        return list.stream().map(String::valueOf).toList();
    }
}
