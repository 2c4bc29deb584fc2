package io.gcam.documents;

import io.gcam.core.spi.KeyProvider;
import io.gcam.documents.internal.ChunkedGcm;
import io.gcam.documents.spi.BlobStore;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Encrypts blobs at rest over any {@link BlobStore}: AES-GCM in authenticated 64 KiB chunks, keys
 * from a {@link KeyProvider} (new blobs use its current key; each blob names the key it was
 * sealed with, so keys can be rotated). Reading content that was altered, reordered or truncated
 * fails with {@code DOCUMENT_INTEGRITY_FAILED} before the damaged part is returned.
 */
public final class EncryptedBlobStore implements BlobStore {

    private final BlobStore delegate;
    private final KeyProvider keys;

    private EncryptedBlobStore(BlobStore delegate, KeyProvider keys) {
        this.delegate = delegate;
        this.keys = keys;
    }

    /**
     * @param delegate where the encrypted blobs are stored
     * @param keys AES keys (128 or 256 bits)
     * @return the encrypting store
     */
    public static EncryptedBlobStore over(BlobStore delegate, KeyProvider keys) {
        return new EncryptedBlobStore(Objects.requireNonNull(delegate, "delegate"), Objects.requireNonNull(keys, "keys"));
    }

    /** {@inheritDoc} Returns the number of plaintext bytes stored. */
    @Override
    public long put(String key, InputStream content) {
        String keyId = keys.currentKeyId();
        SecretKey secret = keys.key(keyId).orElseThrow(() -> new IllegalStateException("current key missing: " + keyId));
        CountingStream counting = new CountingStream(content);
        delegate.put(key, ChunkedGcm.encrypting(counting, keyId, secret));
        return counting.count;
    }

    @Override
    public Optional<InputStream> get(String key) {
        return delegate.get(key).map(in -> ChunkedGcm.decrypting(in, id -> keys.key(id).orElse(null), key));
    }

    @Override
    public boolean delete(String key) {
        return delegate.delete(key);
    }

    @Override
    public boolean exists(String key) {
        return delegate.exists(key);
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }
}
