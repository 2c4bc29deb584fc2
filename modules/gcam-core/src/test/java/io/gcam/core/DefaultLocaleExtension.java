package io.gcam.core;

import java.util.Locale;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Restores the JVM default locale after each test, so tests may change it freely. */
final class DefaultLocaleExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(DefaultLocaleExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("locale", Locale.getDefault());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Locale.setDefault(context.getStore(NS).get("locale", Locale.class));
    }
}
