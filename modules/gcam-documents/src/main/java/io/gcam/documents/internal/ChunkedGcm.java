package io.gcam.documents.internal;

import io.gcam.core.GcamException;
import io.gcam.documents.DocumentErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.jspecify.annotations.Nullable;

/**
 * Streaming AES-GCM in authenticated chunks (the STREAM construction): the header is
 * {@code "GCAMBLB1" | keyIdLength (1 byte) | keyId | noncePrefix (7 bytes)}; each chunk holds up to
 * 64 KiB of plaintext plus a 16-byte tag, under the nonce {@code noncePrefix | counter (4 bytes) |
 * last (1 byte)} with the header as associated data. Reordered, altered, dropped or truncated
 * chunks fail authentication, and a stream whose last chunk is not marked last is refused.
 */
public final class ChunkedGcm {

    static final int CHUNK = 64 * 1024;
    static final int TAG = 16;
    private static final byte[] MAGIC = "GCAMBLB1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private ChunkedGcm() {
    }

    /**
     * @param plain the plaintext
     * @param keyId id of the key
     * @param key the AES key
     * @return a stream of the encrypted form
     */
    public static InputStream encrypting(InputStream plain, String keyId, SecretKey key) {
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        if (id.length > 255) {
            throw new IllegalArgumentException("key id too long");
        }
        byte[] prefix = new byte[7];
        RANDOM.nextBytes(prefix);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.writeBytes(MAGIC);
        header.write(id.length);
        header.writeBytes(id);
        header.writeBytes(prefix);
        return new Encrypting(plain, key, header.toByteArray(), prefix);
    }

    /**
     * @param sealed the encrypted form
     * @param keys finds a key by id (null when unknown)
     * @param blobKey the blob's key, for error messages
     * @return a stream of the plaintext; reading throws {@code DOCUMENT_INTEGRITY_FAILED} on tampering
     */
    public static InputStream decrypting(InputStream sealed, Function<String, @Nullable SecretKey> keys,
            String blobKey) {
        return new Decrypting(sealed, keys, blobKey);
    }

    private static byte[] nonce(byte[] prefix, int counter, boolean last) {
        return ByteBuffer.allocate(12).put(prefix).putInt(counter).put((byte) (last ? 1 : 0)).array();
    }

    /** Pull-based encryption: reads one chunk ahead to know which chunk is the last. */
    private static final class Encrypting extends InputStream {
        private final InputStream plain;
        private final SecretKey key;
        private final byte[] header;
        private final byte[] prefix;
        private final Cipher cipher;
        private byte[] current;
        private int pos;
        private int counter;
        private boolean finished;
        private final byte[] chunk = new byte[CHUNK];
        private int lookahead = -1;

        Encrypting(InputStream plain, SecretKey key, byte[] header, byte[] prefix) {
            this.plain = plain;
            this.key = key;
            this.header = header;
            this.prefix = prefix;
            try {
                this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            this.current = header;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (pos == current.length) {
                if (finished) {
                    return -1;
                }
                next();
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        private void next() throws IOException {
            int filled = 0;
            if (lookahead >= 0) {
                chunk[filled++] = (byte) lookahead;
                lookahead = -1;
            }
            filled += plain.readNBytes(chunk, filled, CHUNK - filled);
            boolean last;
            if (filled < CHUNK) {
                last = true;
            } else {
                lookahead = plain.read();
                last = lookahead < 0;
            }
            try {
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce(prefix, counter++, last)));
                cipher.updateAAD(header);
                current = cipher.doFinal(chunk, 0, filled);
            } catch (GeneralSecurityException e) {
                throw new IOException("encryption failed", e);
            }
            pos = 0;
            finished = last;
        }

        @Override
        public void close() throws IOException {
            plain.close();
        }
    }

    private static final class Decrypting extends InputStream {
        private final InputStream sealed;
        private final Function<String, @Nullable SecretKey> keys;
        private final String blobKey;
        private @Nullable Cipher cipher;
        private @Nullable SecretKey key;
        private byte @Nullable [] header;
        private byte @Nullable [] prefix;
        private final byte[] chunk = new byte[CHUNK + TAG];
        private byte[] current = new byte[0];
        private int pos;
        private int counter;
        private boolean finished;
        private int lookahead = -1;

        Decrypting(InputStream sealed, Function<String, @Nullable SecretKey> keys, String blobKey) {
            this.sealed = sealed;
            this.keys = keys;
            this.blobKey = blobKey;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (header == null) {
                readHeader();
            }
            while (pos == current.length) {
                if (finished) {
                    return -1;
                }
                next();
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        private void readHeader() throws IOException {
            byte[] magic = sealed.readNBytes(MAGIC.length + 1);
            if (magic.length != MAGIC.length + 1 || !java.util.Arrays.equals(magic, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw failed();
            }
            byte[] id = sealed.readNBytes(magic[MAGIC.length] & 0xff);
            byte[] p = sealed.readNBytes(7);
            if (p.length != 7) {
                throw failed();
            }
            String keyId = new String(id, StandardCharsets.UTF_8);
            key = keys.apply(keyId);
            if (key == null) {
                throw new GcamException(io.gcam.core.CoreErrorCode.DECRYPTION_FAILED);
            }
            ByteArrayOutputStream h = new ByteArrayOutputStream();
            h.writeBytes(magic);
            h.writeBytes(id);
            h.writeBytes(p);
            header = h.toByteArray();
            prefix = p;
            try {
                cipher = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private void next() throws IOException {
            int filled = 0;
            if (lookahead >= 0) {
                chunk[filled++] = (byte) lookahead;
                lookahead = -1;
            }
            filled += sealed.readNBytes(chunk, filled, chunk.length - filled);
            boolean last;
            if (filled < chunk.length) {
                last = true;
            } else {
                lookahead = sealed.read();
                last = lookahead < 0;
            }
            if (filled < TAG) {
                throw failed();
            }
            try {
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce(prefix, counter++, last)));
                cipher.updateAAD(header);
                current = cipher.doFinal(chunk, 0, filled);
            } catch (GeneralSecurityException e) {
                throw failed();
            }
            pos = 0;
            finished = last;
        }

        private GcamException failed() {
            return new GcamException(DocumentErrorCode.DOCUMENT_INTEGRITY_FAILED, blobKey);
        }

        @Override
        public void close() throws IOException {
            sealed.close();
        }
    }
}
