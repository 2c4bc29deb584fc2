package io.gcam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DefaultLocaleExtension.class)
class BeanValidationTest {

    private static final Locale ZH_MO = Locale.forLanguageTag("zh-MO");
    private static final Locale PT_MO = Locale.forLanguageTag("pt-MO");

    record Contact(@NotBlank String name, @Email String email) {
    }

    record Form(
            @NotNull String applicantId,
            @Size(min = 2, max = 5) String code,
            @DecimalMax(value = "10", inclusive = false) BigDecimal fee,
            @NotEmpty List<@Valid Contact> contacts,
            List<@NotBlank String> tags,
            Map<String, @NotBlank String> labels) {

        @AssertTrue(message = "{jakarta.validation.constraints.AssertTrue.message}")
        boolean isConsistent() {
            return !"bad".equals(code);
        }
    }

    private static Form valid() {
        return new Form("a-1", "ABC", BigDecimal.ONE, List.of(new Contact("Chan", "chan@example.mo")),
                List.of("x"), Map.of("en", "Label"));
    }

    private BeanValidation validation = BeanValidation.create();

    @AfterEach
    void close() {
        validation.close();
    }

    private ValidationException.Violation only(Object object, String field) {
        return validation.violations(object).stream().filter(v -> v.field().equals(field)).findFirst().orElseThrow(
                () -> new AssertionError("no violation for " + field + " in " + validation.violations(object)));
    }

    @Test
    void acceptsAValidObjectAndReturnsIt() {
        Form form = valid();
        assertThat(validation.validate(form)).isSameAs(form);
        assertThat(validation.violations(form)).isEmpty();
    }

    @Test
    void aMacaoChineseUserSeesTraditionalChinese() {
        Form form = new Form(null, "ABC", BigDecimal.ONE, List.of(new Contact(" ", "chan@example.mo")),
                List.of(), Map.of());
        assertThat(only(form, "applicantId").message().in(ZH_MO)).isEqualTo("不得為空").isNotEqualTo("不能为空");
        assertThat(only(form, "contacts[0].name").message().in(ZH_MO)).isEqualTo("不得為空白");
        assertThat(only(form, "contacts[0].name").message().in(Locale.forLanguageTag("zh-HK"))).isEqualTo("不得為空白");
    }

    @Test
    void aMacaoPortugueseUserSeesEuropeanPortuguese() {
        Form form = new Form(null, "ABC", BigDecimal.ONE, List.of(new Contact(" ", "not-an-email")), List.of(), Map.of());
        assertThat(only(form, "applicantId").message().in(PT_MO)).isEqualTo("não pode ser nulo");
        assertThat(only(form, "contacts[0].name").message().in(PT_MO)).isEqualTo("não pode estar em branco");
        assertThat(only(form, "contacts[0].email").message().in(PT_MO))
                .isEqualTo("deve ser um endereço de correio eletrónico válido");
    }

    @Test
    void englishAndOtherLanguagesSeeEnglish() {
        Form form = new Form(null, "ABC", BigDecimal.ONE, List.of(new Contact("Chan", "x@example.mo")), List.of(), Map.of());
        LocalizedText message = only(form, "applicantId").message();
        assertThat(message.in(Locale.ENGLISH)).isEqualTo("must not be null");
        assertThat(message.in(Locale.FRENCH)).isEqualTo("must not be null");
        assertThat(message.in(Locale.ROOT)).isEqualTo("must not be null");
    }

    @Test
    void interpolatesConstraintAttributesAndExpressionsInEveryLanguage() {
        Form form = new Form("a-1", "A", new BigDecimal("10"), List.of(new Contact("Chan", "x@example.mo")),
                List.of(), Map.of());
        assertThat(only(form, "code").message()).isEqualTo(LocalizedText.of(
                "size must be between 2 and 5", "大小必須介乎 2 至 5 之間", "o tamanho deve estar entre 2 e 5"));
        assertThat(only(form, "fee").message()).isEqualTo(LocalizedText.of(
                "must be less than 10", "必須小於 10", "deve ser menor que 10"));
    }

    @Test
    void namesNestedListAndMapFieldsByPropertyPath() {
        Form form = new Form("a-1", "bad", BigDecimal.ONE,
                List.of(new Contact("Chan", "x@example.mo"), new Contact("", "bad-email")),
                List.of("ok", " "), Map.of("zh", ""));
        assertThat(validation.violations(form)).extracting(ValidationException.Violation::field).containsExactly(
                "consistent", "contacts[1].email", "contacts[1].name", "labels[zh]", "tags[1]");
    }

    @Test
    void throwsOneValidationExceptionListingEveryField() {
        Form form = new Form(null, "A", BigDecimal.ONE, List.of(), List.of(), Map.of());
        assertThatThrownBy(() -> validation.validate(form))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
                    assertThat(e.violations()).extracting(ValidationException.Violation::field)
                            .containsExactly("applicantId", "code", "contacts");
                    assertThat(e.getMessage()).isEqualTo("The request is not valid: applicantId: must not be null; "
                            + "code: size must be between 2 and 5; contacts: must not be empty");
                    assertThat(e.localizedMessage(ZH_MO)).isEqualTo(
                            "請求內容無效：applicantId: 不得為空; code: 大小必須介乎 2 至 5 之間; contacts: 不得為空");
                });
    }

    @Test
    void neverPutsTheRejectedValueIntoTheException() {
        Contact contact = new Contact("Chan", "chan.tai.man.secret@@example");
        assertThatThrownBy(() -> validation.validate(contact))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain("chan.tai.man.secret");
                    assertThat(e.violations().get(0).message().toString()).doesNotContain("chan.tai.man.secret");
                });
    }

    @Test
    void rejectsANullObjectAsRequired() {
        assertThatThrownBy(() -> validation.validate(null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .containsExactly(new ValidationException.Violation("",
                                LocalizedText.of("is required", "必須填寫", "é obrigatório"))));
    }

    @Test
    void resultsDoNotDependOnTheJvmDefaultLocale() {
        Form form = new Form(null, "A", BigDecimal.ONE, List.of(), List.of(), Map.of());
        List<ValidationException.Violation> expected = validation.violations(form);
        for (Locale jvmDefault : List.of(Locale.SIMPLIFIED_CHINESE, Locale.GERMAN, Locale.TRADITIONAL_CHINESE,
                Locale.forLanguageTag("pt-BR"))) {
            Locale.setDefault(jvmDefault);
            try (BeanValidation started = BeanValidation.create()) {
                assertThat(started.violations(form)).as("JVM default %s", jvmDefault).isEqualTo(expected);
            }
        }
    }

    @Test
    void translatesMessagesOfAnApplicationsOwnFactory() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            BeanValidation own = BeanValidation.using(factory);
            Form form = new Form(null, "A", BigDecimal.ONE, List.of(), List.of(), Map.of());
            assertThat(own.violations(form)).isEqualTo(validation.violations(form));
            assertThat(own.toViolations(factory.getValidator().validate(form)))
                    .isEqualTo(validation.violations(form));
        }
    }

    @Test
    void translatesProviderSpecificMessageParametersOfCustomConstraints() {
        Team team = new Team(List.of("a", "b", "c", "d", "e"));
        assertThat(validation.violations(team)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("members");
            assertThat(v.message()).isEqualTo(LocalizedText.of("has 5 entries; at most 3 are allowed",
                    "有 5 項；最多只可 3 項", "tem 5 entradas; são permitidas no máximo 3"));
        });
    }

    @Test
    void contributedBundlesAlsoServeApplicationsThatUseTheProviderDirectly() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            var violation = factory.getValidator().validate(new Contact(null, "x@example.mo")).iterator().next();
            var interpolator = factory.getMessageInterpolator();
            var context = new jakarta.validation.MessageInterpolator.Context() {
                @Override
                public jakarta.validation.metadata.ConstraintDescriptor<?> getConstraintDescriptor() {
                    return violation.getConstraintDescriptor();
                }

                @Override
                public Object getValidatedValue() {
                    return violation.getInvalidValue();
                }

                @Override
                public <T> T unwrap(Class<T> type) {
                    throw new jakarta.validation.ValidationException("unsupported");
                }
            };
            String template = violation.getMessageTemplate();
            assertThat(interpolator.interpolate(template, context, ZH_MO)).isEqualTo("不得為空白");
            assertThat(interpolator.interpolate(template, context, PT_MO)).isEqualTo("não pode estar em branco");
        }
    }

    record Team(@Quota(max = 3) List<String> members) {
    }

    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = QuotaValidator.class)
    @interface Quota {
        String message() default "{io.gcam.core.test.Quota.message}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        int max();
    }

    public static final class QuotaValidator implements ConstraintValidator<Quota, List<?>> {
        private int max;

        @Override
        public void initialize(Quota quota) {
            max = quota.max();
        }

        @Override
        public boolean isValid(List<?> value, ConstraintValidatorContext context) {
            if (value == null || value.size() <= max) {
                return true;
            }
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("count", value.size());
            return false;
        }
    }
}
