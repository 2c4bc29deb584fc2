/**
 * JDBC stores of the outbox and the in-app inbox (portable SQL, PostgreSQL and H2).
 */
@NullMarked
package io.gcam.notification.jdbc;

import org.jspecify.annotations.NullMarked;
