package io.gcam.documents;

import io.gcam.core.ConflictException;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.documents.spi.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BlobStore} on a local or mounted file system. A put writes a temporary file in the same
 * directory tree, forces it to disk, and renames it into place atomically; a failed or interrupted
 * put leaves no file under the key. Blobs are spread over 256 sub-directories.
 */
public final class FileSystemBlobStore implements BlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileSystemBlobStore.class);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final String TEMP_DIR = ".incoming";

    private final Path root;

    private FileSystemBlobStore(Path root) {
        this.root = root;
    }

    /**
     * @param root the directory holding the blobs; created if missing. Temporary files live in
     *     {@code root/.incoming}, on the same file system, so renames are atomic.
     * @return the store
     * @throws GcamException {@code STORAGE_FAILURE} when the directory cannot be created
     */
    public static FileSystemBlobStore at(Path root) {
        Objects.requireNonNull(root, "root");
        try {
            Files.createDirectories(root.resolve(TEMP_DIR));
        } catch (IOException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
        return new FileSystemBlobStore(root);
    }

    @Override
    public long put(String key, InputStream content) {
        Path target = path(key);
        Objects.requireNonNull(content, "content");
        if (Files.exists(target)) {
            throw new ConflictException("blob " + key);
        }
        Path temp = root.resolve(TEMP_DIR).resolve(key + "." + UUID.randomUUID() + ".tmp");
        boolean done = false;
        try {
            long written;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                written = content.transferTo(out);
                out.flush();
                channel.force(true);
            }
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                throw new ConflictException("blob " + key);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(target.getParent());
            done = true;
            return written;
        } catch (FileAlreadyExistsException e) {
            throw new ConflictException("blob " + key);
        } catch (IOException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        } finally {
            if (!done) {
                deleteQuietly(temp);
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>A file on the same file system as this store's root is forced to disk and renamed into
     * place (no copy); any other file is copied.
     */
    @Override
    public long putFile(String key, Path file) {
        Path target = path(key);
        if (Files.exists(target)) {
            throw new ConflictException("blob " + key);
        }
        try {
            long size;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(true);
                size = channel.size();
            }
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                throw new ConflictException("blob " + key);
            }
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(target.getParent());
            return size;
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            return BlobStore.super.putFile(key, file);
        } catch (FileAlreadyExistsException e) {
            throw new ConflictException("blob " + key);
        } catch (IOException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public Optional<InputStream> get(String key) {
        try {
            return Optional.of(Files.newInputStream(path(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public boolean delete(String key) {
        try {
            return Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    private Path path(String key) {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("blob keys are 1 to 128 letters, digits, - and _");
        }
        String shard = Integer.toHexString(Math.floorMod(key.hashCode(), 256));
        return root.resolve(shard).resolve(key);
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("directory sync not supported here: {}", e.toString());
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("could not delete temporary blob file {}", temp.getFileName(), e);
        }
    }
}
