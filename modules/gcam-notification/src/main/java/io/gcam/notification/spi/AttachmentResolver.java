package io.gcam.notification.spi;

/**
 * Fetches the content of a document reference to attach to an email (wired to gcam-documents or
 * the agency's document store). Called at delivery time.
 */
@FunctionalInterface
public interface AttachmentResolver {

    /** A resolver that knows no document; sending an attachment fails permanently. */
    AttachmentResolver NONE = reference -> {
        throw DeliveryException.permanentFailure("no attachment resolver configured", null);
    };

    /**
     * @param documentReference the reference given in the send request
     * @return the attachment
     * @throws DeliveryException permanent when the document does not exist, transient when the
     *     store is unavailable
     */
    Attachment resolve(String documentReference);

    /**
     * A file to attach.
     *
     * @param fileName the file name shown to the recipient
     * @param contentType its MIME type
     * @param content the bytes
     */
    record Attachment(String fileName, String contentType, byte[] content) {

        /** Copies the content. */
        public Attachment {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Attachment a && a.fileName.equals(fileName) && a.contentType.equals(contentType)
                    && java.util.Arrays.equals(a.content, content);
        }

        @Override
        public int hashCode() {
            return fileName.hashCode() * 31 + java.util.Arrays.hashCode(content);
        }

        @Override
        public String toString() {
            return "Attachment[" + contentType + ", " + content.length + " bytes]";
        }
    }
}
