package io.gcam.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The constraint messages gcam-core contributes to Hibernate Validator are complete and consistent. */
class ContributorValidationMessagesTest {

    private static final Pattern PARAMETER = Pattern.compile("(?<!\\$)\\{([A-Za-z0-9_.]+)}");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> EL_KEYWORDS = Set.of("true", "false", "null", "eq", "ne", "and", "or", "not");
    private static final String SIMPLIFIED_ONLY = "为须过数无长码将确号电邮间项复范围网应规货币条检";

    private static Properties load(String resource) throws IOException {
        try (InputStream in = BeanValidation.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            byte[] bytes = in.readAllBytes();
            for (byte b : bytes) {
                assertThat(b & 0xFF).as("%s must be ASCII with \\u escapes", resource).isLessThan(0x80);
            }
            Properties properties = new Properties();
            properties.load(new java.io.ByteArrayInputStream(bytes)); // ISO-8859-1, as Hibernate Validator reads it
            return properties;
        }
    }

    private static Properties contributed(String suffix) throws IOException {
        return load("ContributorValidationMessages_" + suffix + ".properties");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh_Hant", "pt"})
    void coversEveryStandardConstraintOfJakartaValidation(String suffix) throws IOException {
        Properties provider = load("org/hibernate/validator/ValidationMessages.properties");
        Set<String> standard = new TreeSet<>();
        for (String key : provider.stringPropertyNames()) {
            if (key.startsWith("jakarta.validation.constraints.")) {
                standard.add(key);
            }
        }
        assertThat(standard).hasSizeGreaterThanOrEqualTo(22);
        assertThat(contributed(suffix).stringPropertyNames()).containsAll(standard);
    }

    @Test
    void everyLanguageHasTheSameKeys() throws IOException {
        Set<String> english = contributed("en").stringPropertyNames();
        assertThat(contributed("zh_Hant").stringPropertyNames()).isEqualTo(english);
        assertThat(contributed("pt").stringPropertyNames()).isEqualTo(english);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh_Hant", "pt"})
    void translationsUseTheSameParametersAndExpressionVariablesAsEnglish(String suffix) throws IOException {
        Properties english = contributed("en");
        Properties translated = contributed(suffix);
        for (String key : english.stringPropertyNames()) {
            assertThat(parameters(translated.getProperty(key))).as("%s %s", suffix, key)
                    .isEqualTo(parameters(english.getProperty(key)));
            assertThat(variables(translated.getProperty(key))).as("%s %s", suffix, key)
                    .isEqualTo(variables(english.getProperty(key)));
        }
    }

    @Test
    void englishMatchesTheProviderExceptWhereItWouldShowTheCheckedValue() throws IOException {
        Properties provider = load("org/hibernate/validator/ValidationMessages.properties");
        Properties english = contributed("en");
        for (String key : english.stringPropertyNames()) {
            if (provider.getProperty(key, "").contains("${validatedValue}")) {
                assertThat(english.getProperty(key)).as(key).doesNotContain("validatedValue");
            } else if (provider.containsKey(key)) {
                assertThat(english.getProperty(key)).as(key).isEqualTo(provider.getProperty(key));
            }
        }
    }

    @Test
    void traditionalChineseUsesNoSimplifiedCharacters() throws IOException {
        Properties chinese = contributed("zh_Hant");
        for (String key : chinese.stringPropertyNames()) {
            String message = chinese.getProperty(key);
            for (char c : SIMPLIFIED_ONLY.toCharArray()) {
                assertThat(message).as(key).doesNotContain(String.valueOf(c));
            }
        }
    }

    private static Set<String> parameters(String message) {
        Set<String> names = new TreeSet<>();
        Matcher m = PARAMETER.matcher(message);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Set<String> variables(String message) {
        Set<String> names = new TreeSet<>();
        Matcher expression = EXPRESSION.matcher(message);
        while (expression.find()) {
            Matcher identifier = IDENTIFIER.matcher(QUOTED.matcher(expression.group(1)).replaceAll(""));
            while (identifier.find()) {
                if (!EL_KEYWORDS.contains(identifier.group())) {
                    names.add(identifier.group());
                }
            }
        }
        return names;
    }
}
