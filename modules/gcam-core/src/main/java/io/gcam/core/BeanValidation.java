package io.gcam.core;

import jakarta.validation.Configuration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks objects against their Jakarta Validation constraints ({@code @NotBlank},
 * {@code @Size}, {@code @Email}, nested {@code @Valid} objects and lists) and reports every
 * problem as one GCAM {@link ValidationException}, with each field's message in English,
 * Traditional Chinese and Portuguese.
 *
 * <pre>{@code
 * record ContactForm(@NotBlank String name, @Email String email, @Valid List<Address> addresses) { }
 *
 * BeanValidation validation = BeanValidation.create();   // once, at start-up
 * validation.validate(form);   // throws ValidationException listing e.g. "addresses[1].postalCode"
 * }</pre>
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Each {@link ValidationException.Violation} names the field by its property path
 *       ({@code email}, {@code addresses[1].postalCode}, {@code labels[en]}; empty for a
 *       class-level constraint on the object itself), in a stable order (by path, then message).</li>
 *   <li>Messages are produced by the provider's interpolation in exactly English, {@code zh-Hant}
 *       and {@code pt}; the JVM default locale plays no part. gcam-core ships Traditional Chinese and
 *       European Portuguese texts for the standard constraints
 *       ({@code ContributorValidationMessages}), so a Macao user never sees Simplified Chinese or
 *       Brazilian wording; an application's own {@code ValidationMessages} bundle still wins.</li>
 *   <li>The rejected values never appear in the exception.</li>
 * </ul>
 *
 * <p>gcam-core depends only on the Jakarta Validation API. Put a provider on the runtime classpath
 * (Hibernate Validator with an Expression Language implementation such as
 * {@code org.glassfish.expressly:expressly}), or pass your container's factory to
 * {@link #using(ValidatorFactory)}. Thread-safe.
 */
public final class BeanValidation implements AutoCloseable {

    private static final Comparator<ValidationException.Violation> ORDER =
            Comparator.comparing(ValidationException.Violation::field).thenComparing(v -> v.message().en());

    private final Validator validator;
    private final MessageInterpolator interpolator;
    private final @Nullable ValidatorFactory ownedFactory;

    private BeanValidation(Validator validator, MessageInterpolator interpolator, @Nullable ValidatorFactory ownedFactory) {
        this.validator = validator;
        this.interpolator = interpolator;
        this.ownedFactory = ownedFactory;
    }

    /**
     * Starts the Jakarta Validation provider found on the classpath, with trilingual messages.
     * Create one instance per application and {@link #close()} it at shutdown.
     *
     * @return a validation backed by its own validator factory
     * @throws GcamException {@code CONFIGURATION_INVALID} when no provider (or no Expression
     *     Language implementation) is on the classpath
     */
    public static BeanValidation create() {
        try {
            Configuration<?> configuration = Validation.byDefaultProvider().configure();
            MessageInterpolator interpolator =
                    new TrilingualMessageInterpolator(configuration.getDefaultMessageInterpolator());
            ValidatorFactory factory = configuration.messageInterpolator(interpolator).buildValidatorFactory();
            return new BeanValidation(factory.getValidator(), interpolator, factory);
        } catch (jakarta.validation.ValidationException e) {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, e,
                    "Jakarta Validation could not start (" + e.getMessage() + "); add a provider such as"
                            + " org.hibernate.validator:hibernate-validator together with"
                            + " org.glassfish.expressly:expressly, or use BeanValidation.using(factory)");
        }
    }

    /**
     * Uses an application's or container's validator factory (for example the one Spring, Quarkus
     * or a Jakarta EE server configured). Messages are interpolated with that factory's
     * interpolator in the three languages. Closing the result does not close {@code factory}.
     *
     * @param factory the factory to validate with
     * @return a validation using {@code factory}
     */
    public static BeanValidation using(ValidatorFactory factory) {
        Objects.requireNonNull(factory, "factory");
        return new BeanValidation(factory.getValidator(), factory.getMessageInterpolator(), null);
    }

    /**
     * Validates {@code object} and its {@code @Valid} parts.
     *
     * @param object the object to check
     * @param groups validation groups; none means {@code Default}
     * @param <T> the object's type
     * @return {@code object}, for use in assignments
     * @throws ValidationException {@code VALIDATION_FAILED} listing every violation; also when
     *     {@code object} is {@code null}
     */
    public <T> T validate(@Nullable T object, Class<?>... groups) {
        List<ValidationException.Violation> violations = violations(object, groups);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return Objects.requireNonNull(object);
    }

    /**
     * Validates {@code object} and returns what is wrong, without throwing.
     *
     * @param object the object to check
     * @param groups validation groups; none means {@code Default}
     * @return the violations in a stable order, empty when {@code object} is valid
     */
    public List<ValidationException.Violation> violations(@Nullable Object object, Class<?>... groups) {
        if (object == null) {
            return List.of(CoreViolations.violation("", "REQUIRED"));
        }
        Map<String, LocalizedText> captured = new HashMap<>();
        Map<String, LocalizedText> previous = TrilingualMessageInterpolator.capture(captured);
        Set<ConstraintViolation<Object>> found;
        try {
            found = validator.validate(object, groups);
        } finally {
            TrilingualMessageInterpolator.capture(previous);
        }
        return convert(found, captured);
    }

    /**
     * Converts violations found elsewhere (for example by a container's method validation) into
     * GCAM violations with messages in the three languages.
     *
     * @param violations Jakarta Validation constraint violations
     * @return the GCAM violations in a stable order
     */
    public List<ValidationException.Violation> toViolations(Collection<? extends ConstraintViolation<?>> violations) {
        return convert(violations, Map.of());
    }

    /** @return the underlying Jakarta validator, for method or property validation */
    public Validator validator() {
        return validator;
    }

    /** Closes the validator factory if {@link #create()} started it. */
    @Override
    public void close() {
        if (ownedFactory != null) {
            ownedFactory.close();
        }
    }

    private List<ValidationException.Violation> convert(Collection<? extends ConstraintViolation<?>> found,
            Map<String, LocalizedText> captured) {
        List<ValidationException.Violation> result = new ArrayList<>(found.size());
        for (ConstraintViolation<?> violation : found) {
            LocalizedText message = captured.get(
                    TrilingualMessageInterpolator.key(violation.getMessageTemplate(), violation.getMessage()));
            if (message == null) {
                message = TrilingualMessageInterpolator.translate(
                        interpolator, violation.getMessageTemplate(), new ViolationContext(violation));
            }
            result.add(new ValidationException.Violation(path(violation.getPropertyPath()), message));
        }
        result.sort(ORDER);
        return List.copyOf(result);
    }

    /** Formats a property path the way clients expect: {@code addresses[1].postalCode}, {@code tags[0]}. */
    static String path(Path path) {
        StringBuilder text = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                text.append('[').append(position == null ? "" : position).append(']');
            }
            String name = node.getName();
            if (name == null || node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getKind() == ElementKind.BEAN) {
                continue;
            }
            if (text.length() > 0) {
                text.append('.');
            }
            text.append(name);
        }
        return text.toString();
    }

    /** The interpolation context of a violation that was not interpolated through GCAM. */
    private static final class ViolationContext implements MessageInterpolator.Context {
        private final ConstraintViolation<?> violation;

        ViolationContext(ConstraintViolation<?> violation) {
            this.violation = violation;
        }

        @Override
        public ConstraintDescriptor<?> getConstraintDescriptor() {
            return violation.getConstraintDescriptor();
        }

        @Override
        public @Nullable Object getValidatedValue() {
            return violation.getInvalidValue();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new jakarta.validation.ValidationException("cannot unwrap to " + type.getName());
        }
    }
}
