package io.gcam.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the audit hash format: trails written by one GCAM version must verify under every later one.
 * The expected values were computed independently with {@code sha256sum}.
 */
class AuditHashFormatTest {

    private static final AuditActor REVIEWER = new AuditActor("u-7", Actor.Kind.STAFF, "SAFP");
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456Z");

    @Test
    void writesTheDocumentedCanonicalForm() {
        String canonical = AuditTrail.canonical(1, REVIEWER, "application.approved", "application", "APP-1", AT,
                "{\"level\":2,\"note\":\"ok\"}");

        assertThat(canonical).isEqualTo("{\"action\":\"application.approved\","
                + "\"actor\":{\"agency\":\"SAFP\",\"id\":\"u-7\",\"kind\":\"STAFF\"},"
                + "\"at\":\"2026-03-01T10:15:30.123456Z\",\"details\":{\"level\":2,\"note\":\"ok\"},"
                + "\"index\":1,\"objectId\":\"APP-1\",\"objectType\":\"application\"}");
    }

    @Test
    void hashesPreviousHashFollowedByCanonicalForm() {
        String hash = AuditTrail.hash(AuditHead.GENESIS_HASH, 1, REVIEWER, "application.approved", "application",
                "APP-1", AT, "{\"level\":2,\"note\":\"ok\"}");

        assertThat(hash).isEqualTo("37342bc107815e186ff9d97d14c777fb12a4200129e5b2dc950a257c607f450f");
    }

    @Test
    void writesANullAgencyAsJsonNull() {
        String canonical = AuditTrail.canonical(3, new AuditActor("u-1", Actor.Kind.APPLICANT, null), "a", "t", "o",
                AT, "{}");

        assertThat(canonical).contains("\"actor\":{\"agency\":null,\"id\":\"u-1\",\"kind\":\"APPLICANT\"}");
    }

    @Test
    void writesCanonicalJsonWithSortedKeysAtEveryDepthAndNoWhitespace() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("y", null);
        nested.put("x", "é");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("when", Instant.parse("2026-03-01T10:15:30Z"));
        details.put("nested", nested);
        details.put("b", java.util.List.of(3, 1));
        details.put("amount", 12.5);

        String json = CanonicalJson.write(CanonicalJson.defaultMapper(), details);

        assertThat(json).isEqualTo(
                "{\"amount\":12.5,\"b\":[3,1],\"nested\":{\"x\":\"é\",\"y\":null},\"when\":\"2026-03-01T10:15:30Z\"}");
        assertThat(CanonicalJson.sha256Hex(json))
                .isEqualTo("5378f4cffe929d5aebac852f2937a4ef09a6cea129d1f204d99c1009f89eb927");
    }

    @Test
    void givesEqualCanonicalJsonForRecordsAndMapsWithTheSameContent() {
        record Request(String session, int seats) {
        }

        String fromRecord = CanonicalJson.write(CanonicalJson.defaultMapper(), new Request("S-1", 2));
        String fromMap = CanonicalJson.write(CanonicalJson.defaultMapper(), Map.of("seats", 2, "session", "S-1"));

        assertThat(fromRecord).isEqualTo(fromMap).isEqualTo("{\"seats\":2,\"session\":\"S-1\"}");
    }
}
