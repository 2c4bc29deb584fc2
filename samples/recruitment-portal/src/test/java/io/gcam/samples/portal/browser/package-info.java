/**
 * Real-browser test support for the portal's pages: {@link io.gcam.samples.portal.browser.PortalBrowser}
 * runs the portal on a real HTTP server and drives it with the system's headless Chromium
 * ({@link io.gcam.samples.portal.browser.Chromium}); {@link io.gcam.samples.portal.browser.PageChecks}
 * finds basic accessibility problems on any page.
 */
@NullMarked
package io.gcam.samples.portal.browser;

import org.jspecify.annotations.NullMarked;
