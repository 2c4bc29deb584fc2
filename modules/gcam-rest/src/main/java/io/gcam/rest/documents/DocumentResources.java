package io.gcam.rest.documents;

import io.gcam.core.Actor;
import io.gcam.core.ValidationException;
import io.gcam.core.LocalizedText;
import io.gcam.documents.DocumentContent;
import io.gcam.documents.DocumentService;
import io.gcam.documents.Submission;
import io.gcam.rest.Problems;
import io.gcam.rest.RequestActor;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The document API. Register the instances {@link #documents(DocumentService, OwnerResolver)} and
 * {@link #requirements(DocumentService)} with the application, next to
 * {@link io.gcam.rest.GcamRestFeature} and a multipart provider.
 *
 * <ul>
 *   <li>{@code POST /api/v1/documents}, multipart with {@code file}, {@code type} and
 *       {@code ownerRef}: 201 with the document, or 200 with the existing one when the owner already
 *       uploaded the same content; refusals are problem+json with the code, 413 when too large, 415
 *       when the content type is not accepted, 422 for the other checks.</li>
 *   <li>{@code GET /api/v1/documents/{id}}: the metadata.</li>
 *   <li>{@code GET /api/v1/documents/{id}/content}: the content as an attachment with an RFC 6266
 *       name, {@code nosniff} and a sandboxing content security policy.</li>
 *   <li>{@code GET /api/v1/document-requirements/{applicationType}}: the checklist in the language
 *       of {@code Accept-Language}.</li>
 * </ul>
 */
public final class DocumentResources {

    private DocumentResources() {
    }

    /**
     * @param service the document service
     * @param owners turns {@code ownerRef} into an owner
     * @return the {@code /api/v1/documents} resource
     */
    public static Object documents(DocumentService service, OwnerResolver owners) {
        return new Documents(Objects.requireNonNull(service, "service"), Objects.requireNonNull(owners, "owners"));
    }

    /**
     * @param service the document service
     * @return the {@code /api/v1/document-requirements} resource
     */
    public static Object requirements(DocumentService service) {
        return new Requirements(Objects.requireNonNull(service, "service"));
    }

    /** {@code /api/v1/documents}. */
    @Path("/api/v1/documents")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Documents {
        private final DocumentService service;
        private final OwnerResolver owners;

        Documents(DocumentService service, OwnerResolver owners) {
            this.service = service;
            this.owners = owners;
        }

        /**
         * @param file the file part
         * @param type the document type
         * @param ownerRef the application reference
         * @param security the caller
         * @return 201 with the new document, 200 with the existing one for a duplicate
         */
        @POST
        @Consumes(MediaType.MULTIPART_FORM_DATA)
        public Response upload(@FormParam("file") @Nullable EntityPart file, @FormParam("type") @Nullable String type,
                @FormParam("ownerRef") @Nullable String ownerRef, @Context SecurityContext security) {
            Actor actor = RequestActor.from(security);
            if (file == null) {
                throw missing("file");
            }
            if (type == null || type.isBlank()) {
                throw missing("type");
            }
            if (ownerRef == null || ownerRef.isBlank()) {
                throw missing("ownerRef");
            }
            Submission submission;
            try (InputStream in = file.getContent()) {
                submission = service.submit(actor, owners.resolve(actor, ownerRef.strip()), type.strip(),
                        file.getFileName().map(DocumentResources::utf8FileName).orElse(null), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            DocumentView view = DocumentView.of(submission.document(), submission.duplicate());
            if (submission.duplicate()) {
                return Response.ok(view).build();
            }
            return Response.created(URI.create("/api/v1/documents/" + view.id())).entity(view).build();
        }

        /**
         * @param id a document id
         * @param security the caller
         * @return the metadata
         */
        @GET
        @Path("{id}")
        public DocumentView get(@PathParam("id") String id, @Context SecurityContext security) {
            return DocumentView.of(service.get(RequestActor.from(security), id), false);
        }

        /**
         * @param id a document id
         * @param security the caller
         * @return the content as an attachment
         */
        @GET
        @Path("{id}/content")
        @Produces(MediaType.WILDCARD)
        public Response content(@PathParam("id") String id, @Context SecurityContext security) {
            DocumentContent content = service.open(RequestActor.from(security), id);
            StreamingOutput body = out -> {
                try (InputStream in = content.content()) {
                    in.transferTo(out);
                }
            };
            return Response.ok(body, content.document().mediaType())
                    .header(HttpHeaders.CONTENT_DISPOSITION, content.contentDisposition())
                    .header(HttpHeaders.CONTENT_LENGTH, content.document().size())
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "default-src 'none'; sandbox")
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                    .build();
        }

        private static ValidationException missing(String field) {
            return ValidationException.of(field, LocalizedText.of("is required", "必須填寫", "é obrigatório"));
        }
    }

    /**
     * Browsers send a form-data file name as raw UTF-8, which multipart parsers read as ISO-8859-1;
     * such a name is decoded again as UTF-8 when its bytes are valid UTF-8.
     */
    static String utf8FileName(String name) {
        boolean high = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c > 0xff) {
                return name;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return name;
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return name;
        }
    }

    /** {@code /api/v1/document-requirements}. */
    @Path("/api/v1/document-requirements")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Requirements {
        private final DocumentService service;

        Requirements(DocumentService service) {
            this.service = service;
        }

        /**
         * @param applicationType an application type
         * @param headers the request headers (for the language)
         * @return the checklist in the caller's language
         */
        @GET
        @Path("{applicationType}")
        public ChecklistView get(@PathParam("applicationType") String applicationType, @Context HttpHeaders headers) {
            return ChecklistView.of(service.checklist(applicationType), Problems.locale(headers));
        }
    }
}
