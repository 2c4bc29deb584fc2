package io.gcam.profile.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.profile.ProfileData;
import io.gcam.profile.WorkExperience;

/** Turns profile data into JSON and back: the plaintext that is encrypted, and the export format. */
public final class ProfileJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addMixIn(WorkExperience.class, WorkExperienceMixIn.class)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ProfileJson() {
    }

    /** @return the mapper profile data is written with (dates as ISO-8601 text, nulls left out) */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * @param data profile data
     * @return its JSON
     */
    public static String write(ProfileData data) {
        try {
            return MAPPER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, e, "profile data cannot be written as JSON");
        }
    }

    /**
     * @param json JSON from {@link #write}
     * @return the profile data
     */
    public static ProfileData read(String json) {
        try {
            return MAPPER.readValue(json, ProfileData.class);
        } catch (JsonProcessingException e) {
            // Never include the text: it is decrypted personal data.
            throw new GcamException(CoreErrorCode.DECRYPTION_FAILED);
        }
    }

    /** Leaves the derived validation property out of the JSON. */
    abstract static class WorkExperienceMixIn {
        @JsonIgnore
        abstract boolean isPeriodInOrder();
    }
}
