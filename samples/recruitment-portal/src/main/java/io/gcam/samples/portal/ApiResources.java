package io.gcam.samples.portal;

import io.gcam.core.LocalizedText;
import io.gcam.core.NotFoundException;
import io.gcam.rest.ActorView;
import io.gcam.rest.Idempotent;
import io.gcam.rest.IdempotentRequest;
import io.gcam.rest.RequestActor;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;

/** The portal's JSON API under {@code /api/v1}. */
final class ApiResources {

    private ApiResources() {
    }

    /** {@code GET /api/v1/me}: who the caller is. */
    @Path("/api/v1/me")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Me {
        @GET
        public ActorView me(@Context SecurityContext security) {
            return ActorView.of(RequestActor.from(security));
        }
    }

    /** {@code /api/v1/notes}: the idempotent creating POST of the walking skeleton. */
    @Path("/api/v1/notes")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class NotesResource {
        private final Notes notes;

        NotesResource(Notes notes) {
            this.notes = notes;
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Idempotent
        public Response create(Notes.NewNote body, @Context SecurityContext security,
                @BeanParam IdempotentRequest idempotency) {
            var actor = RequestActor.from(security);
            return idempotency.run(body, () -> {
                Notes.Note note = notes.create(actor, body.text());
                return Response.created(URI.create("/api/v1/notes/" + note.id())).entity(note).build();
            });
        }

        @GET
        @Path("{id}")
        public Notes.Note get(@PathParam("id") String id, @Context SecurityContext security) {
            return notes.get(RequestActor.from(security), id);
        }
    }

    /** {@code POST /api/v1/dev/login}: password-less sign-in as a demo user. Demo mode only. */
    @Path("/api/v1/dev/login")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class DevLogin {

        /**
         * The request body.
         *
         * @param username a demo user name, e.g. {@code applicant1}
         */
        public record LoginRequest(String username) {
        }

        /**
         * The answer.
         *
         * @param token the bearer token
         * @param expiresAt when it stops working
         */
        public record LoginResponse(String token, Instant expiresAt) {
        }

        private final DemoUsers users;
        private final Sessions sessions;

        DevLogin(DemoUsers users, Sessions sessions) {
            this.users = users;
            this.sessions = sessions;
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public LoginResponse login(LoginRequest request) {
            String username = request.username() == null ? "" : request.username().trim();
            if (users.find(username).isEmpty()) {
                throw new NotFoundException(LocalizedText.of("demo user", "示範用戶", "utilizador de demonstração"), username);
            }
            Sessions.Issued issued = sessions.issue(username);
            return new LoginResponse(issued.token(), issued.expiresAt());
        }
    }
}
