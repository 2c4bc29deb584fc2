package io.gcam.records;

import io.gcam.core.NotFoundException;
import io.gcam.records.spi.ContentInfo;
import io.gcam.records.spi.ContentStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A content store in a map, for the module's own tests (gcam-testkit has the shared fake). */
final class MapContentStore implements ContentStore {

    private final Map<String, byte[]> contents = new ConcurrentHashMap<>();

    ContentRef put(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        contents.put(id, bytes);
        return new ContentRef(id, sha256(bytes));
    }

    boolean contains(String contentId) {
        return contents.containsKey(contentId);
    }

    @Override
    public Optional<ContentInfo> describe(String contentId) {
        byte[] bytes = contents.get(contentId);
        return bytes == null ? Optional.empty() : Optional.of(new ContentInfo(sha256(bytes), bytes.length, "text/plain"));
    }

    @Override
    public InputStream open(String contentId) {
        byte[] bytes = contents.get(contentId);
        if (bytes == null) {
            throw new NotFoundException("content", contentId);
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public void delete(String contentId) {
        contents.remove(contentId);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
