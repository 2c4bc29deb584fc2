/**
 * Declarative application lifecycles: definitions, applications, transitions with four-eyes rules, SLAs, public status and staff inbox.
 */
@NullMarked
package io.gcam.workflow;

import org.jspecify.annotations.NullMarked;
