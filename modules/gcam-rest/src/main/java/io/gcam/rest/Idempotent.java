package io.gcam.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a creating operation ({@code POST}) that honours the {@code Idempotency-Key} request header:
 * a retry with the same key and the same request gets the first response again instead of creating
 * a second object. The method does the work through an {@link IdempotentRequest} bean parameter.
 *
 * <p>With {@link GcamRestFeature} registered, an annotated method refuses a malformed key with a
 * 400 problem ({@code IDEMPOTENCY_KEY_INVALID}) and, when {@link #required()}, a missing key with a
 * 400 problem ({@code IDEMPOTENCY_KEY_MISSING}), before the method runs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {

    /** @return whether a request without an {@code Idempotency-Key} header is refused */
    boolean required() default false;
}
