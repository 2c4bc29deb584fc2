package io.gcam.samples.portal;

import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.rest.ClientAddress;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.glassfish.grizzly.http.server.Request;
import org.jspecify.annotations.Nullable;

/**
 * The portal's container adapter for {@link ClientAddress}: puts the socket's remote address (from
 * Grizzly) into {@link ClientAddress#PROPERTY} before anything else sees the request, so per-client
 * rate limits (status inquiries) count the real peer, not a header the client sends.
 */
@PreMatching
final class RemoteAddressFilter implements ContainerRequestFilter {

    // Jersey's Grizzly container binds the current Grizzly request in the request scope
    @Inject
    private Provider<Request> requests;

    @Override
    public void filter(ContainerRequestContext context) {
        context.setProperty(ClientAddress.PROPERTY, requests.get().getRemoteAddr());
    }

    /**
     * @param env {@code GCAM_TRUSTED_PROXIES}: comma-separated IP addresses of the reverse proxies whose
     *     {@code X-Forwarded-For} is honoured (none when unset)
     * @return how the portal finds a client's address
     */
    static ClientAddress clientAddress(Map<String, String> env) {
        String value = env.getOrDefault("GCAM_TRUSTED_PROXIES", "");
        List<String> proxies = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        try {
            return proxies.isEmpty() ? ClientAddress.direct() : ClientAddress.trustingProxies(proxies);
        } catch (IllegalArgumentException e) {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, e,
                    "GCAM_TRUSTED_PROXIES must list IP addresses separated by commas (e.g. 10.0.0.5,10.0.0.6)");
        }
    }

    /**
     * @param env {@code GCAM_KIOSK_ADDRESSES}: comma-separated IP addresses of the portal's kiosks
     *     (none when unset)
     * @return the kiosks' addresses, written as client addresses are counted
     */
    static Set<String> kioskAddresses(Map<String, String> env) {
        String value = env.getOrDefault("GCAM_KIOSK_ADDRESSES", "");
        Set<String> addresses = new LinkedHashSet<>();
        for (String entry : value.split(",")) {
            String address = entry.strip();
            if (address.isEmpty()) {
                continue;
            }
            // literal addresses only: no name is ever looked up
            if (!address.matches("[0-9A-Fa-f:.]+")) {
                throw kioskAddressesInvalid(null);
            }
            try {
                addresses.add(InetAddress.getByName(address).getHostAddress().toLowerCase(Locale.ROOT));
            } catch (UnknownHostException e) {
                throw kioskAddressesInvalid(e);
            }
        }
        return Set.copyOf(addresses);
    }

    private static GcamException kioskAddressesInvalid(@Nullable Exception cause) {
        return new GcamException(CoreErrorCode.CONFIGURATION_INVALID, cause,
                "GCAM_KIOSK_ADDRESSES must list IP addresses separated by commas (e.g. 10.1.2.31,10.1.2.32)");
    }
}
