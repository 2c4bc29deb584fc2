package io.gcam.testkit.documents;

import io.gcam.documents.FileSystemBlobStore;
import io.gcam.documents.spi.BlobStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest extends BlobStoreCompatibilityKit {

    @TempDir
    Path dir;

    @Override
    protected BlobStore createStore() {
        return FileSystemBlobStore.at(dir);
    }
}
