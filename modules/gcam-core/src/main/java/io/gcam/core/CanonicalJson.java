package io.gcam.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Canonical JSON and SHA-256 for the audit trail and the idempotency fingerprints.
 *
 * <p>Canonical form: the value is first turned into a Jackson tree with the caller's
 * {@link ObjectMapper} (so its modules and annotations apply), then written by a default
 * {@link JsonFactory}: object keys sorted by {@link String#compareTo(String)} (UTF-16 code units),
 * at every depth; array order kept; no whitespace; strings escaped the way Jackson escapes them by
 * default; numbers as Jackson writes the Java type that produced them. The result is stable for
 * equal inputs whatever order a map was filled in.
 */
final class CanonicalJson {

    /** Used for writing only: independent of any feature set on a caller's mapper. */
    private static final JsonFactory FACTORY = new JsonFactory();

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** The mapper used when a builder is given none: Java time as ISO-8601 strings. */
    static ObjectMapper defaultMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /**
     * @param mapper converts {@code value} to a tree
     * @param value any Jackson-serializable value, or {@code null}
     * @return the canonical JSON text
     * @throws IllegalArgumentException when Jackson cannot convert {@code value}
     */
    static String write(ObjectMapper mapper, @Nullable Object value) {
        JsonNode tree = value == null ? mapper.nullNode() : mapper.valueToTree(value);
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            writeNode(mapper, generator, tree == null ? mapper.nullNode() : tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes {@code node} with sorted keys. */
    static void writeNode(ObjectMapper mapper, JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>();
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    names.add(it.next());
                }
                Collections.sort(names);
                g.writeStartObject();
                for (String name : names) {
                    g.writeFieldName(name);
                    writeNode(mapper, g, node.get(name));
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : node) {
                    writeNode(mapper, g, element);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NUMBER -> writeNumber(g, node);
            case BINARY -> g.writeBinary(node.binaryValue());
            case POJO -> writeNode(mapper, g, mapper.valueToTree(((POJONode) node).getPojo()));
            case NULL, MISSING -> g.writeNull();
        }
    }

    private static void writeNumber(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.numberType()) {
            case INT, LONG -> g.writeNumber(node.longValue());
            case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
            case FLOAT -> g.writeNumber(node.floatValue());
            case DOUBLE -> g.writeNumber(node.doubleValue());
            case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
        }
    }

    /**
     * @param text any text
     * @return the lower-case hex SHA-256 of its UTF-8 bytes (64 characters)
     */
    static String sha256Hex(String text) {
        byte[] digest = sha256().digest(text.getBytes(StandardCharsets.UTF_8));
        char[] hex = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(hex);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
