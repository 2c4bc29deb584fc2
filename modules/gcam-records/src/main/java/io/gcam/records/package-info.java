/**
 * Records management: records and dossiers classified by a file plan, security levels enforced on
 * every read, content versions with check-out and check-in, a hash-chained chain of custody per
 * record, transfers that the receiver acknowledges, physical locations, retention rules, legal holds
 * and approved disposal with certificates. Start with {@link io.gcam.records.RecordsService}.
 */
@NullMarked
package io.gcam.records;

import org.jspecify.annotations.NullMarked;
