package io.gcam.rest.internal;

import io.gcam.core.GcamException;
import io.gcam.rest.Idempotent;
import io.gcam.rest.IdempotentRequest;
import io.gcam.rest.RestErrorCode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Checks the {@code Idempotency-Key} header of methods annotated with {@link Idempotent}. */
public final class IdempotencyKeys implements DynamicFeature {

    /** Longest accepted key. */
    public static final int MAX_LENGTH = 255;

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Method method = resourceInfo.getResourceMethod();
        Idempotent annotation = method == null ? null : method.getAnnotation(Idempotent.class);
        if (annotation == null && resourceInfo.getResourceClass() != null) {
            annotation = resourceInfo.getResourceClass().getAnnotation(Idempotent.class);
        }
        if (annotation != null) {
            boolean required = annotation.required();
            context.register((ContainerRequestFilter) request -> check(request, required));
        }
    }

    private static void check(ContainerRequestContext request, boolean required) {
        List<String> keys = request.getHeaders().get(IdempotentRequest.HEADER);
        if (keys == null || keys.isEmpty()) {
            if (required) {
                throw new GcamException(RestErrorCode.IDEMPOTENCY_KEY_MISSING);
            }
            return;
        }
        if (keys.size() > 1) {
            throw new GcamException(RestErrorCode.IDEMPOTENCY_KEY_INVALID);
        }
        validate(keys.get(0));
    }

    /**
     * @param key a header value
     * @return the key
     * @throws GcamException {@code IDEMPOTENCY_KEY_INVALID} unless 1 to 255 visible ASCII characters
     */
    public static String validate(@Nullable String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
            throw new GcamException(RestErrorCode.IDEMPOTENCY_KEY_INVALID);
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new GcamException(RestErrorCode.IDEMPOTENCY_KEY_INVALID);
            }
        }
        return key;
    }
}
