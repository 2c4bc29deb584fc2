package io.gcam.documents;

import io.gcam.core.GcamException;
import io.gcam.documents.spi.MalwareScanner;
import io.gcam.documents.spi.ScanResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MalwareScanner} that streams content to a ClamAV daemon (clamd) with the
 * {@code INSTREAM} command, over TCP or a Unix domain socket. Every connect, write and read is
 * bounded by a timeout. A threat is reported as infected; a clamd error (including
 * {@code INSTREAM size limit exceeded}, see clamd's {@code StreamMaxLength}), a timeout or an
 * unreachable daemon throws {@code DOCUMENT_SCAN_FAILED}, so the upload is refused rather than
 * accepted unscanned.
 *
 * <pre>{@code
 * MalwareScanner clamav = ClamAvScanner.builder().tcp("localhost", 3310).timeout(Duration.ofSeconds(30)).build();
 * }</pre>
 */
public final class ClamAvScanner implements MalwareScanner {

    private static final Logger LOG = LoggerFactory.getLogger(ClamAvScanner.class);

    private final SocketAddress address;
    private final Duration connectTimeout;
    private final Duration timeout;
    private final int chunkSize;

    private ClamAvScanner(Builder b) {
        this.address = Objects.requireNonNull(b.address, "address: call tcp(...) or unixSocket(...)");
        this.connectTimeout = b.connectTimeout;
        this.timeout = b.timeout;
        this.chunkSize = b.chunkSize;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ScanResult scan(InputStream content, long size) {
        Objects.requireNonNull(content, "content");
        try (Connection c = connect()) {
            c.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[chunkSize];
            int n;
            while ((n = content.readNBytes(buffer, 0, buffer.length)) > 0) {
                ByteBuffer chunk = ByteBuffer.allocate(4 + n).putInt(n).put(buffer, 0, n);
                if (!c.writeOrReply(chunk.array())) {
                    break; // clamd answered early (size limit): read its reply
                }
            }
            c.writeOrReply(new byte[4]);
            return verdict(c.readReply());
        } catch (IOException e) {
            LOG.warn("clamd scan failed: {}", e.toString());
            throw new GcamException(DocumentErrorCode.DOCUMENT_SCAN_FAILED, e);
        }
    }

    /**
     * @return whether clamd answers {@code PING} with {@code PONG}
     */
    public boolean ping() {
        try (Connection c = connect()) {
            c.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            return "PONG".equals(c.readReply());
        } catch (IOException e) {
            return false;
        }
    }

    static ScanResult verdict(String reply) {
        if (reply.endsWith(" FOUND")) {
            String body = reply.substring(0, reply.length() - " FOUND".length());
            int colon = body.indexOf(": ");
            return ScanResult.infected(colon >= 0 ? body.substring(colon + 2) : body);
        }
        if (reply.endsWith(": OK") || reply.equals("OK")) {
            return ScanResult.clean();
        }
        throw new GcamException(DocumentErrorCode.DOCUMENT_SCAN_FAILED, new IOException("clamd: " + reply));
    }

    private Connection connect() throws IOException {
        SocketChannel channel = address instanceof UnixDomainSocketAddress
                ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
        try {
            channel.configureBlocking(false);
            Selector selector = Selector.open();
            Connection c = new Connection(channel, selector);
            if (!channel.connect(address)) {
                channel.register(selector, SelectionKey.OP_CONNECT);
                if (selector.select(connectTimeout.toMillis()) == 0) {
                    c.close();
                    throw new IOException("timed out connecting to clamd");
                }
                channel.finishConnect();
            }
            return c;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private final class Connection implements AutoCloseable {
        private final SocketChannel channel;
        private final Selector selector;
        private final ByteArrayOutputStream reply = new ByteArrayOutputStream();
        private boolean replied;

        Connection(SocketChannel channel, Selector selector) {
            this.channel = channel;
            this.selector = selector;
        }

        void write(byte[] bytes) throws IOException {
            if (!writeOrReply(bytes)) {
                throw new IOException("clamd closed the connection: " + replyText());
            }
        }

        /** Writes everything unless clamd replies first; returns false when it did. */
        boolean writeOrReply(byte[] bytes) throws IOException {
            if (replied) {
                return false;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
                if (!buffer.hasRemaining()) {
                    break;
                }
                channel.register(selector, SelectionKey.OP_WRITE | SelectionKey.OP_READ);
                if (selector.select(timeout.toMillis()) == 0) {
                    throw new IOException("timed out writing to clamd");
                }
                if (drainReadable()) {
                    return false;
                }
                selector.selectedKeys().clear();
            }
            return true;
        }

        private boolean drainReadable() throws IOException {
            ByteBuffer in = ByteBuffer.allocate(1024);
            int n = channel.read(in);
            if (n > 0) {
                reply.write(in.array(), 0, n);
            }
            if (n != 0) {
                replied = true;
            }
            return replied;
        }

        String readReply() throws IOException {
            ByteBuffer in = ByteBuffer.allocate(1024);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!complete()) {
                in.clear();
                int n = channel.read(in);
                if (n < 0) {
                    break;
                }
                if (n > 0) {
                    reply.write(in.array(), 0, n);
                    continue;
                }
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                channel.register(selector, SelectionKey.OP_READ);
                if (System.nanoTime() >= deadline || selector.select(left) == 0) {
                    throw new IOException("timed out waiting for clamd's reply");
                }
                selector.selectedKeys().clear();
            }
            String text = replyText();
            if (text.isEmpty()) {
                throw new IOException("clamd closed the connection without a reply");
            }
            return text;
        }

        private boolean complete() {
            byte[] bytes = reply.toByteArray();
            return bytes.length > 0 && (bytes[bytes.length - 1] == 0 || bytes[bytes.length - 1] == '\n');
        }

        private String replyText() {
            return reply.toString(StandardCharsets.US_ASCII).replace("\0", "").strip();
        }

        @Override
        public void close() throws IOException {
            try {
                selector.close();
            } finally {
                channel.close();
            }
        }
    }

    /** Builds a {@link ClamAvScanner}. */
    public static final class Builder {
        private @Nullable SocketAddress address;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration timeout = Duration.ofSeconds(60);
        private int chunkSize = 64 * 1024;

        private Builder() {
        }

        /**
         * @param host clamd's host
         * @param port clamd's TCP port (usually 3310)
         * @return this builder
         */
        public Builder tcp(String host, int port) {
            this.address = new InetSocketAddress(host, port);
            return this;
        }

        /**
         * @param socket clamd's local socket, e.g. {@code /run/clamav/clamd.ctl}
         * @return this builder
         */
        public Builder unixSocket(Path socket) {
            this.address = UnixDomainSocketAddress.of(socket);
            return this;
        }

        /**
         * @param connectTimeout how long to wait for a connection; default 5 seconds
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = requirePositive(connectTimeout);
            return this;
        }

        /**
         * @param timeout how long any single write or the wait for the verdict may take; default 60
         *     seconds
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = requirePositive(timeout);
            return this;
        }

        /**
         * @param chunkSize bytes per INSTREAM chunk; default 64 KiB
         * @return this builder
         */
        public Builder chunkSize(int chunkSize) {
            if (chunkSize < 1) {
                throw new IllegalArgumentException("chunkSize must be positive");
            }
            this.chunkSize = chunkSize;
            return this;
        }

        /** @return the scanner */
        public ClamAvScanner build() {
            return new ClamAvScanner(this);
        }

        private static Duration requirePositive(Duration d) {
            Objects.requireNonNull(d, "duration");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            return d;
        }
    }
}
