package io.gcam.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.ConfiguredKeyProvider;
import io.gcam.core.GcamException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncryptedBlobStoreTest {

    @TempDir
    Path dir;

    private final ConfiguredKeyProvider keys = ConfiguredKeyProvider.of("k1", Map.of("k1", new byte[32]));

    private static byte[] content(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private Path onlyFile() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65535, 65536, 65537, 300_000})
    void roundTripsAnySizeAndStoresNoPlaintext(int size) throws IOException {
        EncryptedBlobStore store = EncryptedBlobStore.over(FileSystemBlobStore.at(dir), keys);
        byte[] plain = content(size);

        assertThat(store.put("blob-1", new ByteArrayInputStream(plain))).isEqualTo(size);

        try (InputStream in = store.get("blob-1").orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
        byte[] raw = Files.readAllBytes(onlyFile());
        if (size > 64) {
            assertThat(Arrays.equals(Arrays.copyOfRange(raw, raw.length - 32, raw.length),
                    Arrays.copyOfRange(plain, plain.length - 32, plain.length))).isFalse();
        }
    }

    @Test
    void detectsTruncationAtAChunkBoundary() throws IOException {
        EncryptedBlobStore store = EncryptedBlobStore.over(FileSystemBlobStore.at(dir), keys);
        store.put("blob-1", new ByteArrayInputStream(content(200_000)));
        Path file = onlyFile();
        byte[] raw = Files.readAllBytes(file);
        int header = 8 + 1 + 2 + 7;
        Files.write(file, Arrays.copyOf(raw, header + 2 * (65536 + 16)));

        assertThatThrownBy(() -> {
            try (InputStream in = store.get("blob-1").orElseThrow()) {
                in.readAllBytes();
            }
        }).isInstanceOf(GcamException.class).extracting(e -> ((GcamException) e).code())
                .isEqualTo("DOCUMENT_INTEGRITY_FAILED");
    }

    @Test
    void detectsAnAlteredByte() throws IOException {
        EncryptedBlobStore store = EncryptedBlobStore.over(FileSystemBlobStore.at(dir), keys);
        store.put("blob-1", new ByteArrayInputStream(content(1000)));
        Path file = onlyFile();
        byte[] raw = Files.readAllBytes(file);
        raw[500] ^= 1;
        Files.write(file, raw);

        assertThatThrownBy(() -> {
            try (InputStream in = store.get("blob-1").orElseThrow()) {
                in.readAllBytes();
            }
        }).extracting(e -> ((GcamException) e).code()).isEqualTo("DOCUMENT_INTEGRITY_FAILED");
    }

    @Test
    void leavesNoBlobWhenTheUploadStreamFails() throws IOException {
        FileSystemBlobStore store = FileSystemBlobStore.at(dir);
        InputStream failing = new InputStream() {
            private int n;

            @Override
            public int read() throws IOException {
                if (++n > 100_000) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };

        assertThatThrownBy(() -> store.put("blob-1", failing)).extracting(e -> ((GcamException) e).code())
                .isEqualTo("STORAGE_FAILURE");
        assertThat(store.exists("blob-1")).isFalse();
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void refusesToOverwriteAKey() {
        FileSystemBlobStore store = FileSystemBlobStore.at(dir);
        store.put("blob-1", new ByteArrayInputStream(new byte[] {1}));

        assertThatThrownBy(() -> store.put("blob-1", new ByteArrayInputStream(new byte[] {2})))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("CONFLICT");
    }
}
