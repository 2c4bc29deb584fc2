package io.gcam.rest.internal;

import io.gcam.core.GcamLocales;
import io.gcam.rest.Problem;
import io.gcam.rest.Problems;
import io.gcam.rest.RestErrorCode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Locale;

/**
 * Refuses an empty body, with a 400 problem, for resource methods that take an entity parameter,
 * so that the method never receives {@code null} (runtimes differ on whether they call the JSON
 * reader for an empty body).
 */
public final class RequiredBodies implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Method method = resourceInfo.getResourceMethod();
        if (method != null && hasEntityParameter(method)) {
            context.register((ContainerRequestFilter) RequiredBodies::check);
        }
    }

    private static void check(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            Locale locale;
            try {
                locale = GcamLocales.resolve(request.getAcceptableLanguages());
            } catch (RuntimeException malformedHeader) {
                locale = GcamLocales.ENGLISH;
            }
            Problem problem = ProblemFactory.of(RestErrorCode.MALFORMED_REQUEST, 400,
                    ProblemFactory.message(RestErrorCode.MALFORMED_REQUEST.code(), locale),
                    List.of(new Problem.FieldError("", ProblemFactory.message("body.empty", locale))), null, locale);
            request.abortWith(Problems.response(problem, locale));
        }
    }

    private static boolean hasEntityParameter(Method method) {
        for (Parameter parameter : method.getParameters()) {
            boolean annotatedByJaxRs = false;
            for (Annotation annotation : parameter.getAnnotations()) {
                String name = annotation.annotationType().getName();
                if (name.startsWith("jakarta.ws.rs.")) {
                    annotatedByJaxRs = true;
                }
            }
            if (!annotatedByJaxRs) {
                return true;
            }
        }
        return false;
    }
}
