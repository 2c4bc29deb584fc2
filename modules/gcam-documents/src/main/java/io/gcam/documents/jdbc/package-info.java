/** The JDBC document metadata store (portable SQL for PostgreSQL and H2). */
@NullMarked
package io.gcam.documents.jdbc;

import org.jspecify.annotations.NullMarked;
