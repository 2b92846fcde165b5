package dev.sandboxorchestrator.nextjs;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What a page needs from Tailwind: whether it used the Tailwind play CDN (then the project compiles the classes
 * at build time, with preflight, exactly as the CDN did at run time), the page's inline
 * {@code tailwind.config = {…}} object and the CDN's {@code ?plugins=} as npm plugins. Pages that did not use
 * Tailwind get no Tailwind CSS at all, so its preflight cannot restyle them. Not thread-safe: one per page.
 */
final class TailwindSetup {
    private static final Set<String> PLUGINS = Set.of("forms", "typography", "aspect-ratio", "container-queries");

    private boolean used;
    private String config;
    private final Set<String> plugins = new LinkedHashSet<>();

    static boolean isCdn(String src) {
        String lower = src.toLowerCase(Locale.ROOT);
        return lower.contains("cdn.tailwindcss.com") || lower.contains("@tailwindcss/browser");
    }

    static boolean hasConfig(String code) {
        return code.contains("tailwind.config");
    }

    boolean used() {
        return used;
    }

    /** The page's config object literal, or null. */
    String config() {
        return config;
    }

    /** npm packages of the plugins the CDN URL asked for. */
    Set<String> plugins() {
        return plugins;
    }

    void useCdn(String src) {
        used = true;
        try {
            String query = URI.create(src.strip().replace(" ", "%20")).getRawQuery();
            if (query == null) {
                return;
            }
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("plugins=")) {
                    for (String plugin : parameter.substring(8).split(",")) {
                        if (PLUGINS.contains(plugin.strip())) {
                            plugins.add("@tailwindcss/" + plugin.strip());
                        }
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // Not a parsable URL: no plugins to take from it.
        }
    }

    /**
     * Takes the {@code tailwind.config = {…}} object out of an inline script; returns the code that is left
     * (with a stand-in {@code tailwind} object so that other statements referring to it still run).
     */
    String takeConfig(String code, PageState page, Element script) {
        int at = code.indexOf("tailwind.config");
        int equals = code.indexOf('=', at);
        int open = code.indexOf('{', equals);
        if (equals < 0 || open < 0 || !code.substring(at + "tailwind.config".length(), equals).isBlank()
                || !code.substring(equals + 1, open).isBlank()) {
            page.unmapped(script, "tailwind.config is set in a way the converter cannot read; the default Tailwind config is used");
            return code;
        }
        int close = JsBraces.matching(code, open);
        if (close < 0) {
            page.unmapped(script, "tailwind.config object is not closed; the default Tailwind config is used");
            return code;
        }
        if (config == null) {
            config = code.substring(open, close + 1);
        }
        page.changed(script, "tailwind.config moved into tailwind.config.js");
        int end = close + 1;
        while (end < code.length() && (code.charAt(end) == ';' || code.charAt(end) == ' ')) {
            end++;
        }
        String rest = code.substring(0, at) + code.substring(end);
        return rest.isBlank() ? "" : "window.tailwind = window.tailwind || {};\n" + rest;
    }
}
