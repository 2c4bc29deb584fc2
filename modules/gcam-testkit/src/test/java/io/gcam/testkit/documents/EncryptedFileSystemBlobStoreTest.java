package io.gcam.testkit.documents;

import io.gcam.core.ConfiguredKeyProvider;
import io.gcam.documents.EncryptedBlobStore;
import io.gcam.documents.FileSystemBlobStore;
import io.gcam.documents.spi.BlobStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileSystemBlobStoreTest extends BlobStoreCompatibilityKit {

    @TempDir
    Path dir;

    @Override
    protected BlobStore createStore() {
        return EncryptedBlobStore.over(FileSystemBlobStore.at(dir),
                ConfiguredKeyProvider.of("k1", Map.of("k1", new byte[32])));
    }
}
