/** Implementation details of gcam-appointment; never used outside the module. */
@NullMarked
package io.gcam.appointment.internal;

import org.jspecify.annotations.NullMarked;
