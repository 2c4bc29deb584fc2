package io.gcam.samples.portal.records;

import io.gcam.core.Actor;
import io.gcam.core.NotFoundException;
import io.gcam.documents.Document;
import io.gcam.documents.DocumentService;
import io.gcam.records.spi.ContentInfo;
import io.gcam.records.spi.ContentStore;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Record versions whose content is a gcam-documents document: the content id is the document id.
 * Reads go through the document service as the system, so they are audited there too.
 */
final class DocumentsContentStore implements ContentStore {

    private static final Actor RECORDS = Actor.system("records");

    private final DocumentService documents;

    DocumentsContentStore(DocumentService documents) {
        this.documents = Objects.requireNonNull(documents, "documents");
    }

    @Override
    public Optional<ContentInfo> describe(String contentId) {
        try {
            Document d = documents.get(RECORDS, contentId);
            return Optional.of(new ContentInfo(d.sha256(), d.size(), d.mediaType()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream open(String contentId) {
        return documents.open(RECORDS, contentId).content();
    }

    @Override
    public void delete(String contentId) {
        try {
            documents.delete(RECORDS, contentId);
        } catch (NotFoundException e) {
            // already gone: nothing to do
        }
    }
}
