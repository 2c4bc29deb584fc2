package io.gcam.testkit.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.GcamException;
import io.gcam.documents.spi.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link BlobStore}, as tests. Extend it and implement {@link #createStore()}.
 * Every test uses keys of its own, so the store may be shared between tests.
 */
public abstract class BlobStoreCompatibilityKit {

    private BlobStore store;

    /** Creates the kit. */
    protected BlobStoreCompatibilityKit() {
    }

    /**
     * Supplies the store under test; called before each test.
     *
     * @return a store
     */
    protected abstract BlobStore createStore();

    @BeforeEach
    void setUpStore() {
        store = createStore();
    }

    private static String key() {
        return "k-" + UUID.randomUUID();
    }

    private static byte[] bytes(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    private byte[] read(String key) throws IOException {
        try (InputStream in = store.get(key).orElseThrow()) {
            return in.readAllBytes();
        }
    }

    /** Content comes back byte for byte, for empty, small and multi-chunk blobs. */
    @Test
    public void returnsWhatWasPut() throws IOException {
        for (int size : new int[] {0, 1, 70_000, 1 << 20}) {
            String key = key();
            byte[] content = bytes(size);
            assertThat(store.put(key, new ByteArrayInputStream(content))).isEqualTo(size);
            assertThat(store.exists(key)).isTrue();
            assertThat(read(key)).isEqualTo(content);
        }
    }

    /** An unknown key has no blob. */
    @Test
    public void hasNothingUnderAnUnknownKey() {
        String key = key();
        assertThat(store.get(key)).isEmpty();
        assertThat(store.exists(key)).isFalse();
        assertThat(store.delete(key)).isFalse();
    }

    /** A key is written once; the first blob stays. */
    @Test
    public void refusesASecondPutUnderTheSameKey() throws IOException {
        String key = key();
        store.put(key, new ByteArrayInputStream(bytes(10)));

        assertThatThrownBy(() -> store.put(key, new ByteArrayInputStream(bytes(20))))
                .isInstanceOf(GcamException.class);
        assertThat(read(key)).isEqualTo(bytes(10));
    }

    /** A put whose stream fails half way leaves nothing under the key. */
    @Test
    public void leavesNothingWhenTheStreamFails() {
        String key = key();
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (++served > 100_000) {
                    throw new IOException("client went away");
                }
                return 'x';
            }
        };

        assertThatThrownBy(() -> store.put(key, failing)).isInstanceOf(GcamException.class);
        assertThat(store.exists(key)).isFalse();
        assertThat(store.get(key)).isEmpty();
    }

    /** A stored file comes back byte for byte. */
    @Test
    public void storesAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        String key = key();
        byte[] content = bytes(200_000);
        java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("upload.tmp"), content);

        assertThat(store.putFile(key, file)).isEqualTo(content.length);
        assertThat(read(key)).isEqualTo(content);
    }

    /** Delete removes the blob and is idempotent. */
    @Test
    public void deletesOnce() {
        String key = key();
        store.put(key, new ByteArrayInputStream(bytes(5)));

        assertThat(store.delete(key)).isTrue();
        assertThat(store.exists(key)).isFalse();
        assertThat(store.delete(key)).isFalse();
    }
}
