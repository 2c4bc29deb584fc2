package io.gcam.catalog;

import io.gcam.catalog.spi.RemoteStatus;
import io.gcam.core.LocalizedText;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One citizen's applications across all agencies, as the single window shows them.
 *
 * @param items the applications, newest first
 * @param unavailableAgencies agencies whose backend did not answer in time or failed: their items
 *     are listed with {@link Item#available()} {@code false} and no status
 */
public record MyApplications(List<Item> items, List<String> unavailableAgencies) {

    /** Copies the lists. */
    public MyApplications {
        items = List.copyOf(items);
        unavailableAgencies = List.copyOf(unavailableAgencies);
    }

    /**
     * One application.
     *
     * @param filing what the platform recorded when it was filed
     * @param serviceName the service's public name, or {@code null} when the service is no longer public
     * @param available whether the agency's backend answered; {@code false} means "status unavailable
     *     right now", not that the application is gone
     * @param status the public status, or {@code null} when unavailable or unknown to the backend
     */
    public record Item(Filing filing, @Nullable LocalizedText serviceName, boolean available,
            @Nullable RemoteStatus status) {

        /** Checks the filing is present. */
        public Item {
            Objects.requireNonNull(filing, "filing");
        }
    }
}
