package io.gcam.samples.portal;

import static io.gcam.samples.portal.PortalApplicationTest.json;
import static io.gcam.samples.portal.PortalApplicationTest.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gcam.core.GcamException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Status inquiries are limited per client address taken from the socket (set by the portal's Grizzly
 * filter); {@code X-Forwarded-For} counts only from a proxy named in {@code GCAM_TRUSTED_PROXIES}.
 */
class StatusInquiryClientAddressTest {

    private static final int MAX_FAILURES = 5; // the StatusInquiries default the portal uses

    @Test
    void ignoresASpoofedForwardedForHeaderWithoutTrustedProxies(@TempDir Path dataDir) {
        try (PortalApp portal = start(dataDir, null)) {
            JsonNode submitted = submit(portal);
            for (int i = 0; i < MAX_FAILURES; i++) {
                assertThat(inquire(portal, madeUpReference(), "AAAAA-AAAAA", "192.0.2." + i).statusCode())
                        .isEqualTo(404);
            }
            HttpResponse<String> limited = inquire(portal, reference(submitted), code(submitted), "192.0.2.200");
            assertThat(limited.statusCode()).as(limited.body()).isEqualTo(422);
            assertThat(json(limited).at("/code").asText()).isEqualTo("WORKFLOW_INQUIRY_LIMITED");
        }
    }

    @Test
    void countsEachClientBehindATrustedProxyOnItsOwn(@TempDir Path dataDir) {
        try (PortalApp portal = start(dataDir, "127.0.0.1, ::1")) {
            JsonNode submitted = submit(portal);
            for (int i = 0; i < MAX_FAILURES; i++) {
                assertThat(inquire(portal, madeUpReference(), "AAAAA-AAAAA", "198.51.100.1").statusCode())
                        .isEqualTo(404);
            }
            assertThat(inquire(portal, reference(submitted), code(submitted), "198.51.100.1").statusCode())
                    .isEqualTo(422);
            HttpResponse<String> other = inquire(portal, reference(submitted), code(submitted), "198.51.100.2");
            assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        }
    }

    @Test
    void aKioskMayFailMoreInquiriesThanOtherClientsButNotForOneReference(@TempDir Path dataDir) {
        try (PortalApp portal = start(dataDir, "127.0.0.1, ::1", "198.51.100.77")) {
            JsonNode submitted = submit(portal);
            // visitors mistyping their references one after another at the kiosk
            for (int i = 0; i < 3 * MAX_FAILURES; i++) {
                assertThat(inquire(portal, madeUpReference(), "AAAAA-AAAAA", "198.51.100.77").statusCode())
                        .isEqualTo(404);
            }
            HttpResponse<String> next = inquire(portal, reference(submitted), code(submitted), "198.51.100.77");
            assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
            // one reference's code still takes only 5 guesses, at the kiosk too
            for (int i = 0; i < MAX_FAILURES; i++) {
                assertThat(inquire(portal, reference(submitted), "AAAAA-AAAAA", "198.51.100.77").statusCode())
                        .isEqualTo(404);
            }
            assertThat(inquire(portal, reference(submitted), code(submitted), "198.51.100.77").statusCode())
                    .isEqualTo(422);
        }
    }

    @Test
    void refusesToStartWithAKioskAddressThatIsNotAnIpAddress(@TempDir Path dataDir) {
        assertThatThrownBy(() -> start(dataDir, null, "kiosk.example.mo").close())
                .isInstanceOfSatisfying(GcamException.class, e -> {
                    assertThat(e.code()).isEqualTo("CONFIGURATION_INVALID");
                    assertThat(e.getMessage()).contains("GCAM_KIOSK_ADDRESSES");
                });
    }

    private static PortalApp start(Path dataDir, String trustedProxies) {
        return start(dataDir, trustedProxies, null);
    }

    private static PortalApp start(Path dataDir, String trustedProxies, String kiosks) {
        Map<String, String> env = new HashMap<>(Map.of("GCAM_PORT", "0", "GCAM_DATA_DIR", dataDir.toString()));
        if (trustedProxies != null) {
            env.put("GCAM_TRUSTED_PROXIES", trustedProxies);
        }
        if (kiosks != null) {
            env.put("GCAM_KIOSK_ADDRESSES", kiosks);
        }
        return PortalApp.start(env);
    }

    private static JsonNode submit(PortalApp portal) {
        HttpResponse<String> login = post(portal, "api/v1/dev/login", "{\"username\":\"applicant1\"}");
        String token = json(login).get("token").asText();
        HttpResponse<String> created = post(portal, "api/v1/applications",
                "{\"type\":\"recruitment\",\"agency\":\"SAFP\",\"formData\":{\"post\":\"Clerk\"}}",
                "Authorization", "Bearer " + token, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    private static HttpResponse<String> inquire(PortalApp portal, String reference, String code, String forwardedFor) {
        return post(portal, "api/v1/status-inquiries",
                "{\"referenceNumber\":\"" + reference + "\",\"accessCode\":\"" + code + "\"}",
                "X-Forwarded-For", forwardedFor);
    }

    private static String madeUpReference() {
        return "REC-2026-" + UUID.randomUUID().toString().substring(0, 6) + "-00";
    }

    private static String reference(JsonNode submitted) {
        return submitted.at("/application/referenceNumber").asText();
    }

    private static String code(JsonNode submitted) {
        return submitted.at("/accessCode").asText();
    }
}
