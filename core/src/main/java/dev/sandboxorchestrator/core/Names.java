package dev.sandboxorchestrator.core;

import java.text.Normalizer;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** Sandbox names made from prompts and titles. */
final class Names {
    private Names() {
    }

    /** "Create a modern landing page!" → "create-a-modern-landing-page-3f9a": safe, short, unique enough. */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        return (slug.isEmpty() ? "app" : slug) + "-" + suffix;
    }
}
