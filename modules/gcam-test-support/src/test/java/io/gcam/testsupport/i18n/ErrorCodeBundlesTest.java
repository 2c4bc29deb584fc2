package io.gcam.testsupport.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.CoreErrorCode;
import io.gcam.core.ErrorCode;
import io.gcam.core.ErrorKind;
import org.junit.jupiter.api.Test;

class ErrorCodeBundlesTest {

    // tag::bundles-test[]
    @Test
    void everyCoreErrorCodeHasAConsistentMessageInEveryLanguage() {
        ErrorCodeBundles.assertComplete(CoreErrorCode.class);
    }
    // end::bundles-test[]

    @Test
    void coreValidationTextsAreTranslated() {
        ErrorCodeBundles.assertBundleComplete(CoreErrorCode.class.getClassLoader(), "io.gcam.core.violations");
    }

    @Test
    void reportsEveryKindOfProblemInOneFailure() {
        assertThat(ErrorCodeBundles.problems(BrokenCode.class)).containsExactlyInAnyOrder(
                "BrokenCode.lower_case: code 'lower_case' is not upper snake case",
                "io/gcam/testsupport/i18n/broken_zh_Hant.properties MISSING_TRANSLATION: no Traditional Chinese message",
                "io/gcam/testsupport/i18n/broken_pt.properties WRONG_ARGUMENTS: uses arguments [0, 2] but English uses [0, 1]",
                "io/gcam/testsupport/i18n/broken_zh_Hant.properties TYPED_ARGUMENT: uses arguments [0] but English uses [0,number]",
                "io/gcam/testsupport/i18n/broken_pt.properties LONE_APOSTROPHE: has a lone apostrophe; write '' for an apostrophe",
                "io/gcam/testsupport/i18n/broken_pt.properties LONE_APOSTROPHE: uses arguments [] but English uses [0]",
                "io/gcam/testsupport/i18n/broken.properties lower_case: no English message",
                "io/gcam/testsupport/i18n/broken_zh_Hant.properties lower_case: no Traditional Chinese message",
                "io/gcam/testsupport/i18n/broken_pt.properties lower_case: no Portuguese message",
                "io/gcam/testsupport/i18n/broken_pt.properties STALE_KEY: has no English message");
        assertThatThrownBy(() -> ErrorCodeBundles.assertComplete(BrokenCode.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("MISSING_TRANSLATION: no Traditional Chinese message")
                .hasMessageContaining("WRONG_ARGUMENTS");
    }

    @Test
    void reportsAMissingTranslationFile() {
        assertThat(ErrorCodeBundles.problems(UntranslatedCode.class)).containsExactly(
                "io/gcam/testsupport/i18n/untranslated_zh_Hant.properties: missing (Traditional Chinese messages)",
                "io/gcam/testsupport/i18n/untranslated_pt.properties: missing (Portuguese messages)");
    }

    @Test
    void readsMessageFormatArgumentsOutsideQuotes() {
        assertThat(ErrorCodeBundles.arguments("No {0} with id {1}")).containsExactly("0", "1");
        assertThat(ErrorCodeBundles.arguments("{1,number,#} of { 0 }")).containsExactly("0", "1,number");
        assertThat(ErrorCodeBundles.arguments("'{0}' is literal, '{1}' too, but {2} counts")).containsExactly("2");
        assertThat(ErrorCodeBundles.arguments("'it''s {0}' all quoted")).isEmpty();
        assertThat(ErrorCodeBundles.arguments("''{0}''")).containsExactly("0");
        assertThat(ErrorCodeBundles.arguments("It''s {0}")).containsExactly("0");
        assertThat(ErrorCodeBundles.arguments("{0,choice,0#none|1#one {1}}")).containsExactly("0,choice");
    }

    enum BrokenCode implements ErrorCode {
        FINE, MISSING_TRANSLATION, WRONG_ARGUMENTS, TYPED_ARGUMENT, LONE_APOSTROPHE, lower_case;

        @Override
        public String code() {
            return name();
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.INVALID_INPUT;
        }

        @Override
        public String bundle() {
            return "io.gcam.testsupport.i18n.broken";
        }
    }

    enum UntranslatedCode implements ErrorCode {
        ONLY_ENGLISH;

        @Override
        public String code() {
            return name();
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.INTERNAL;
        }

        @Override
        public String bundle() {
            return "io.gcam.testsupport.i18n.untranslated";
        }
    }
}
