package io.gcam.testkit.documents;

import io.gcam.core.ConflictException;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.documents.spi.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link BlobStore} in memory: thread-safe, all-or-nothing puts, for tests and demos. */
public final class InMemoryBlobStore implements BlobStore {

    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryBlobStore() {
    }

    @Override
    public long put(String key, InputStream content) {
        Objects.requireNonNull(key, "key");
        if (blobs.containsKey(key)) {
            throw new ConflictException("blob " + key);
        }
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
        if (blobs.putIfAbsent(key, bytes) != null) {
            throw new ConflictException("blob " + key);
        }
        return bytes.length;
    }

    @Override
    public Optional<InputStream> get(String key) {
        byte[] bytes = blobs.get(key);
        return bytes == null ? Optional.empty() : Optional.of(new ByteArrayInputStream(bytes));
    }

    @Override
    public boolean delete(String key) {
        return blobs.remove(key) != null;
    }

    @Override
    public boolean exists(String key) {
        return blobs.containsKey(key);
    }

    /** @return how many blobs are stored */
    public int size() {
        return blobs.size();
    }
}
