package io.gcam.records;

import io.gcam.core.LocalizedText;
import java.util.Objects;

/**
 * One document to file with {@link RecordsService#fileDocuments}: a title and the content it refers to.
 *
 * @param title the record's title
 * @param content the content in the content store, by id and SHA-256
 */
public record FiledDocument(LocalizedText title, ContentRef content) {

    /** Checks that both parts are present. */
    public FiledDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
    }
}
