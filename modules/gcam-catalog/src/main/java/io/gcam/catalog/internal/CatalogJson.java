package io.gcam.catalog.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.gcam.catalog.CatalogErrorCode;
import io.gcam.catalog.CatalogException;
import io.gcam.catalog.ServiceDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue's JSON format, shared by import/export and the JDBC store:
 * {@code {"format":"gcam-catalog","formatVersion":1,"services":[definition, ...]}} where a
 * definition has the field names of {@link ServiceDefinition}.
 */
public final class CatalogJson {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "gcam-catalog";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private CatalogJson() {
    }

    /**
     * @param definition a definition
     * @return its JSON
     */
    public static String write(ServiceDefinition definition) {
        try {
            return MAPPER.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a service definition as JSON", e);
        }
    }

    /**
     * @param json JSON written by {@link #write(ServiceDefinition)}
     * @return the definition
     */
    public static ServiceDefinition read(String json) {
        try {
            return MAPPER.readValue(json, ServiceDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored service definition is not readable JSON", e);
        }
    }

    /**
     * @param definitions the definitions to export
     * @param out where to write the catalogue file (not closed)
     */
    public static void writeCatalog(List<ServiceDefinition> definitions, OutputStream out) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", 1);
        ArrayNode services = root.putArray("services");
        for (ServiceDefinition d : definitions) {
            services.add(MAPPER.valueToTree(d));
        }
        try {
            MAPPER.writerWithDefaultPrettyPrinter().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(out, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param in a catalogue file (not closed)
     * @return its definitions, in file order
     * @throws CatalogException {@code CATALOG_IMPORT_INVALID} naming the problem and where it is
     */
    public static List<ServiceDefinition> readCatalog(InputStream in) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw invalid(e.getOriginalMessage() + location(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())
                || root.path("formatVersion").asInt() != 1 || !root.path("services").isArray()) {
            throw invalid("expected {\"format\":\"gcam-catalog\",\"formatVersion\":1,\"services\":[...]}", null);
        }
        List<ServiceDefinition> result = new ArrayList<>();
        int i = 0;
        for (JsonNode node : root.path("services")) {
            try {
                result.add(MAPPER.treeToValue(node, ServiceDefinition.class));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                throw invalid("services[" + i + "]: " + firstLine(message), e);
            }
            i++;
        }
        return result;
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static CatalogException invalid(String what, @org.jspecify.annotations.Nullable Throwable cause) {
        return new CatalogException(CatalogErrorCode.CATALOG_IMPORT_INVALID, cause, what);
    }
}
