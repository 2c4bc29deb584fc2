package io.gcam.rest;

import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The network address of the client of a request, for per-client rate limits (such as the status
 * inquiries of {@code io.gcam.rest.workflow.WorkflowResources}): one that a client cannot choose by
 * sending a header.
 *
 * <p>Jakarta REST gives no portable access to the socket, so the container adapter of the
 * application sets the request property {@link #PROPERTY} to the socket's remote address (the
 * textual IP address, as {@code HttpServletRequest#getRemoteAddr()} or Grizzly's
 * {@code Request#getRemoteAddr()} return it), in a {@code @PreMatching} request filter:
 *
 * <pre>{@code
 * @PreMatching
 * final class RemoteAddressFilter implements ContainerRequestFilter {
 *     @Inject jakarta.inject.Provider<org.glassfish.grizzly.http.server.Request> socket;
 *     public void filter(ContainerRequestContext request) {
 *         request.setProperty(ClientAddress.PROPERTY, socket.get().getRemoteAddr());
 *     }
 * }
 * }</pre>
 *
 * <p>Guarantees of {@link #of(ContainerRequestContext)}:
 * <ul>
 *   <li>from a peer that is not a configured trusted proxy, the answer is the peer's address, whatever
 *       {@code X-Forwarded-For} says;</li>
 *   <li>from a trusted proxy, {@code X-Forwarded-For} is read from the right (the hop the proxy added
 *       last) and the first address that is not itself a trusted proxy is the answer, so an address a
 *       client prepends to the header is never taken;</li>
 *   <li>addresses are compared in canonical form ({@code ::1} and {@code 0:0:0:0:0:0:0:1} are the
 *       same; host names are never resolved);</li>
 *   <li>a request without {@link #PROPERTY} fails with {@code CONFIGURATION_INVALID} (a 500 problem)
 *       instead of putting every client into one shared bucket.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ClientAddress {

    /** Name of the request property that holds the socket's remote address (a {@link String}). */
    public static final String PROPERTY = "io.gcam.rest.ClientAddress.remoteAddress";

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile("(" + OCTET + "\\.){3}" + OCTET);
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[\\w.]+)?]?");

    private final Set<String> trustedProxies;

    private ClientAddress(Set<String> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /**
     * For applications that clients reach directly: {@code X-Forwarded-For} is never honoured.
     *
     * @return the resolver
     */
    public static ClientAddress direct() {
        return new ClientAddress(Set.of());
    }

    /**
     * For applications behind reverse proxies: {@code X-Forwarded-For} is honoured only on requests
     * whose socket peer is one of these addresses.
     *
     * @param addresses the IP addresses of the trusted proxies (exact addresses, not ranges)
     * @return the resolver
     * @throws IllegalArgumentException when an entry is not an IP address
     */
    public static ClientAddress trustingProxies(Collection<String> addresses) {
        Set<String> trusted = new LinkedHashSet<>();
        for (String address : addresses) {
            String canonical = canonical(address);
            if (canonical == null) {
                throw new IllegalArgumentException("not an IP address: " + address);
            }
            trusted.add(canonical);
        }
        return new ClientAddress(Set.copyOf(trusted));
    }

    /** @return the trusted proxies' addresses, in canonical form */
    public Set<String> trustedProxies() {
        return trustedProxies;
    }

    /**
     * @param request the request, with {@link #PROPERTY} set by the container adapter
     * @return the client's address
     * @throws GcamException {@code CONFIGURATION_INVALID} when {@link #PROPERTY} is not set
     */
    public String of(ContainerRequestContext request) {
        Object property = request.getProperty(PROPERTY);
        if (!(property instanceof String peer) || peer.isBlank()) {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID,
                    "request property " + PROPERTY + " is not set: register a @PreMatching filter that sets it"
                            + " to the socket's remote address (see io.gcam.rest.ClientAddress)");
        }
        String canonicalPeer = canonical(peer);
        String client = canonicalPeer == null ? peer.strip() : canonicalPeer;
        if (!trustedProxies.contains(client)) {
            return client;
        }
        List<String> hops = forwardedFor(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = canonical(hops.get(i));
            if (hop == null) {
                return client; // malformed hop: stop at the last trusted one
            }
            client = hop;
            if (!trustedProxies.contains(hop)) {
                return client;
            }
        }
        return client;
    }

    private static List<String> forwardedFor(ContainerRequestContext request) {
        List<String> values = request.getHeaders().get(FORWARDED_FOR);
        List<String> hops = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String hop : value.split(",", -1)) {
                    hops.add(hop.strip());
                }
            }
        }
        return hops;
    }

    /** The canonical text of an IP address literal; {@code null} when it is not one (never resolves names). */
    static @Nullable String canonical(String address) {
        String text = address.strip();
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getHostAddress().toLowerCase(Locale.ROOT);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
