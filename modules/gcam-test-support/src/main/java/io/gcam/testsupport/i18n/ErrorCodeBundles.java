package io.gcam.testsupport.i18n;

import io.gcam.core.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Asserts that a module's message bundles are complete, so that no user ever sees a raw code or a
 * message in the wrong language. Call it from one test per module:
 *
 * <pre>{@code
 * @Test
 * void everyErrorCodeHasAMessageInEveryLanguage() {
 *     ErrorCodeBundles.assertComplete(RegistrationErrorCode.class);
 * }
 * }</pre>
 *
 * <p>For every constant of the enum it checks that:
 * <ul>
 *   <li>the code is upper snake case and unique within the enum;</li>
 *   <li>the bundle files {@code <bundle>.properties}, {@code <bundle>_zh_Hant.properties} and
 *       {@code <bundle>_pt.properties} exist and are valid UTF-8;</li>
 *   <li>each file has a non-blank message for the code, and the message is a valid
 *       {@link MessageFormat} pattern;</li>
 *   <li>the Traditional Chinese and Portuguese messages use exactly the arguments of the English
 *       one (same indexes, same format types);</li>
 *   <li>no message contains a lone apostrophe (MessageFormat needs {@code ''});</li>
 *   <li>the translations hold no keys that English lacks (stale or misspelt keys).</li>
 * </ul>
 * All problems are reported together in one {@link AssertionError}.
 */
public final class ErrorCodeBundles {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    private static final Map<String, String> LANGUAGES = languages();

    private ErrorCodeBundles() {
    }

    /**
     * Asserts that every constant of {@code codes} has a complete, consistent message in English,
     * Traditional Chinese and Portuguese.
     *
     * @param codes the module's error code enum
     * @param <E> the enum type
     * @throws AssertionError listing every problem found
     */
    public static <E extends Enum<E> & ErrorCode> void assertComplete(Class<E> codes) {
        fail(codes.getName(), problems(codes));
    }

    /**
     * Asserts that every key of the English bundle {@code bundle} has a consistent message in
     * Traditional Chinese and Portuguese, for bundles that are not tied to error codes (labels,
     * validation messages).
     *
     * @param loader class loader that can see the bundle
     * @param bundle base name, e.g. {@code io.gcam.core.violations}
     * @throws AssertionError listing every problem found
     */
    public static void assertBundleComplete(ClassLoader loader, String bundle) {
        Properties english = load(loader, bundle, "", new ArrayList<>());
        List<String> keys = english == null ? List.of() : new ArrayList<>(english.stringPropertyNames());
        fail(bundle, check(loader, bundle, keys));
    }

    /**
     * Lists the problems {@link #assertComplete(Class)} would report, without failing.
     *
     * @param codes the module's error code enum
     * @param <E> the enum type
     * @return the problems, empty when the bundles are complete
     */
    public static <E extends Enum<E> & ErrorCode> List<String> problems(Class<E> codes) {
        List<String> problems = new ArrayList<>();
        ClassLoader loader = loaderOf(codes);
        Set<String> seen = new HashSet<>();
        Map<String, List<String>> codesByBundle = new LinkedHashMap<>();
        for (E constant : codes.getEnumConstants()) {
            String code = constant.code();
            if (!CODE.matcher(code).matches()) {
                problems.add(codes.getSimpleName() + "." + constant.name() + ": code '" + code
                        + "' is not upper snake case");
            }
            if (!seen.add(code)) {
                problems.add(codes.getSimpleName() + "." + constant.name() + ": code '" + code + "' is used twice");
            }
            codesByBundle.computeIfAbsent(constant.bundle(), b -> new ArrayList<>()).add(code);
        }
        codesByBundle.forEach((bundle, keys) -> problems.addAll(check(loader, bundle, keys)));
        return List.copyOf(problems);
    }

    /**
     * The {@link MessageFormat} arguments a pattern uses, each as {@code index} or
     * {@code index,type} (for example {@code 0} and {@code 1,number}). Quoted text is skipped.
     *
     * @param pattern a MessageFormat pattern
     * @return the arguments, sorted
     */
    public static SortedSet<String> arguments(String pattern) {
        SortedSet<String> result = new TreeSet<>();
        boolean quoted = false;
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                if (i + 1 < n && pattern.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '{' && !quoted) {
                int depth = 1;
                int j = i + 1;
                while (j < n && depth > 0) {
                    char d = pattern.charAt(j);
                    if (d == '{') {
                        depth++;
                    } else if (d == '}') {
                        depth--;
                    }
                    j++;
                }
                String[] parts = pattern.substring(i + 1, Math.max(i + 1, j - 1)).split(",", 3);
                result.add(parts.length > 1 ? parts[0].trim() + "," + parts[1].trim() : parts[0].trim());
                i = j - 1;
            }
        }
        return result;
    }

    private static List<String> check(ClassLoader loader, String bundle, List<String> keys) {
        List<String> problems = new ArrayList<>();
        Map<String, @Nullable Properties> files = new LinkedHashMap<>();
        LANGUAGES.forEach((suffix, language) -> files.put(suffix, load(loader, bundle, suffix, problems)));
        Properties english = files.get("");
        for (String key : keys) {
            String englishTemplate = english == null ? null : english.getProperty(key);
            SortedSet<String> englishArguments = englishTemplate == null ? null : arguments(englishTemplate);
            for (Map.Entry<String, @Nullable Properties> file : files.entrySet()) {
                Properties messages = file.getValue();
                if (messages == null) {
                    continue;
                }
                String where = fileName(bundle, file.getKey()) + " " + key;
                String template = messages.getProperty(key);
                if (template == null || template.isBlank()) {
                    problems.add(where + ": no " + LANGUAGES.get(file.getKey()) + " message");
                    continue;
                }
                try {
                    new MessageFormat(template);
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": not a valid MessageFormat pattern (" + e.getMessage() + ")");
                    continue;
                }
                if (hasLoneApostrophe(template)) {
                    problems.add(where + ": has a lone apostrophe; write '' for an apostrophe");
                }
                if (englishArguments != null && !file.getKey().isEmpty()) {
                    SortedSet<String> translated = arguments(template);
                    if (!translated.equals(englishArguments)) {
                        problems.add(where + ": uses arguments " + translated + " but English uses " + englishArguments);
                    }
                }
            }
        }
        if (english != null) {
            for (Map.Entry<String, @Nullable Properties> file : files.entrySet()) {
                Properties messages = file.getValue();
                if (messages == null || file.getKey().isEmpty()) {
                    continue;
                }
                for (String key : new TreeSet<>(messages.stringPropertyNames())) {
                    if (!english.containsKey(key)) {
                        problems.add(fileName(bundle, file.getKey()) + " " + key + ": has no English message");
                    }
                }
            }
        }
        return problems;
    }

    private static boolean hasLoneApostrophe(String template) {
        for (int i = 0; i < template.length(); i++) {
            if (template.charAt(i) == '\'') {
                if (i + 1 < template.length() && template.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    private static @Nullable Properties load(ClassLoader loader, String bundle, String suffix, List<String> problems) {
        String name = fileName(bundle, suffix);
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                problems.add(name + ": missing (" + LANGUAGES.get(suffix) + " messages)");
                return null;
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in.readAllBytes()))
                    .toString();
            Properties properties = new Properties();
            properties.load(new StringReader(text));
            return properties;
        } catch (CharacterCodingException e) {
            problems.add(name + ": is not valid UTF-8");
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(String bundle, String suffix) {
        return bundle.replace('.', '/') + suffix + ".properties";
    }

    private static ClassLoader loaderOf(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }

    private static void fail(String subject, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError("Incomplete messages for " + subject + ":\n  - " + String.join("\n  - ", problems));
        }
    }

    private static Map<String, String> languages() {
        Map<String, String> languages = new LinkedHashMap<>();
        languages.put("", "English");
        languages.put("_zh_Hant", "Traditional Chinese");
        languages.put("_pt", "Portuguese");
        return languages;
    }
}
