package io.gcam.testkit.records;

import io.gcam.core.NotFoundException;
import io.gcam.records.ContentRef;
import io.gcam.records.spi.ContentInfo;
import io.gcam.records.spi.ContentStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ContentStore} in memory, for tests and demos. Thread-safe. */
public final class InMemoryContentStore implements ContentStore {

    private final Map<String, Stored> contents = new ConcurrentHashMap<>();

    private record Stored(byte[] bytes, String mediaType, String sha256) {
    }

    /** Creates an empty store. */
    public InMemoryContentStore() {
    }

    /**
     * Stores content under a new id.
     *
     * @param bytes the content
     * @param mediaType its media type
     * @return the reference to file as a record version
     */
    public ContentRef put(byte[] bytes, String mediaType) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(mediaType, "mediaType");
        String id = UUID.randomUUID().toString();
        String sha256 = sha256(bytes);
        contents.put(id, new Stored(bytes.clone(), mediaType, sha256));
        return new ContentRef(id, sha256);
    }

    /**
     * @param contentId an id
     * @return whether the store holds it
     */
    public boolean contains(String contentId) {
        return contents.containsKey(contentId);
    }

    @Override
    public Optional<ContentInfo> describe(String contentId) {
        Stored s = contents.get(contentId);
        return s == null ? Optional.empty() : Optional.of(new ContentInfo(s.sha256(), s.bytes().length, s.mediaType()));
    }

    @Override
    public InputStream open(String contentId) {
        Stored s = contents.get(contentId);
        if (s == null) {
            throw new NotFoundException("content", contentId);
        }
        return new ByteArrayInputStream(s.bytes());
    }

    @Override
    public void delete(String contentId) {
        contents.remove(contentId);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
