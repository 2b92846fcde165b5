package dev.sandboxorchestrator.examples.api;

import java.util.Locale;

/** Sandbox names from what people type: "My Coffee Shop!" → "my-coffee-shop". */
public final class SandboxNames {
    private SandboxNames() {
    }

    public static String sanitize(String name) {
        String slug = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("(^[-._]+|-+$)", "");
        if (slug.length() > 63) {
            slug = slug.substring(0, 63).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "app" : slug;
    }
}
