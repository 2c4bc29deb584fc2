package io.gcam.samples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;

/** JSON calls to a running portal, as its HTTP tests make them. */
public final class PortalHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private PortalHttp() {
    }

    /**
     * Sends a request.
     *
     * @param portal the running portal
     * @param method the HTTP method
     * @param path the path, relative to the portal's root (e.g. {@code api/v1/activities})
     * @param token a bearer token, or {@code null} for an anonymous call
     * @param body a JSON body, or {@code null} for none
     * @param headers more headers, as name, value, name, value, ...
     * @return the response
     */
    public static HttpResponse<String> send(PortalApp portal, String method, String path, @Nullable String token,
            @Nullable String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(portal.uri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signs a demo user in (demo mode).
     *
     * @param portal the running portal
     * @param username a seeded demo user
     * @return the bearer token
     */
    public static String login(PortalApp portal, String username) {
        HttpResponse<String> response = send(portal, "POST", "api/v1/dev/login", null,
                "{\"username\":\"" + username + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("token").asText();
    }

    /**
     * @param response a response with a JSON body
     * @return the body, parsed
     */
    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
