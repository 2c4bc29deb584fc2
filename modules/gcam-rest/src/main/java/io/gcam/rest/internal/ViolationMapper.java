package io.gcam.rest.internal;

import io.gcam.core.LocalizedText;
import io.gcam.core.ValidationException;
import io.gcam.rest.Problem;
import java.util.List;
import java.util.Locale;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.factory.Mappers;

/** Maps validation violations to the {@code errors} member of a problem, in one language. */
@Mapper
public interface ViolationMapper {

    /** The generated mapper. */
    ViolationMapper INSTANCE = Mappers.getMapper(ViolationMapper.class);

    /**
     * @param violation a violation
     * @param locale the response language
     * @return the field error
     */
    Problem.FieldError toFieldError(ValidationException.Violation violation, @Context Locale locale);

    /**
     * @param violations violations
     * @param locale the response language
     * @return the field errors, in the same order
     */
    List<Problem.FieldError> toFieldErrors(List<ValidationException.Violation> violations, @Context Locale locale);

    /**
     * @param text a text in three languages
     * @param locale the response language
     * @return the text in that language
     */
    default String text(LocalizedText text, @Context Locale locale) {
        return text.in(locale);
    }
}
