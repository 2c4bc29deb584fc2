package io.gcam.samples.portal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /health}: {@code {"status":"UP"}} when the database answers, else 503 {@code DOWN}. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);

    private final DataSource dataSource;

    HealthResource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GET
    public Response health() {
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(2)) {
                return Response.ok(Map.of("status", "UP")).build();
            }
        } catch (SQLException e) {
            LOG.warn("Health check: database not reachable: {}", e.getMessage());
        }
        return Response.status(503).entity(Map.of("status", "DOWN")).build();
    }
}
