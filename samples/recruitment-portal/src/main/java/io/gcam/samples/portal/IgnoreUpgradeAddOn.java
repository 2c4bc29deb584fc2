package io.gcam.samples.portal;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Makes Grizzly ignore {@code Upgrade} requests it cannot honour (such as {@code Upgrade: h2c},
 * which Java's {@code HttpClient} and {@code curl --http2} send by default) and answer them as plain
 * HTTP/1.1, as RFC 9110 section 7.8 allows. Without it Grizzly stops reading the request body of
 * such a request, so the request times out, and drops headers such as {@code Content-Type} from the
 * response (eclipse-ee4j/glassfish-grizzly#2117, #2192; eclipse-ee4j/jersey#5812).
 */
final class IgnoreUpgradeAddOn implements AddOn {

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int codec = builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
        builder.add(codec + 1, new IgnoreUpgradeFilter());
    }

    private static final class IgnoreUpgradeFilter extends BaseFilter {
        @Override
        public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
            if (event.type() == HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
                HttpHeader header = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
                header.setIgnoreContentModifiers(false);
                header.getUpgradeDC().recycle();
                header.getHeaders().removeHeader("Upgrade");
                header.getHeaders().removeHeader("HTTP2-Settings");
                return ctx.getStopAction();
            }
            return ctx.getInvokeAction();
        }
    }
}
