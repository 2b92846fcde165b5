package dev.sandboxorchestrator.nextjs;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gives every HTML file a route: {@code index.html} → {@code /}, {@code about.html} → {@code /about},
 * {@code blog/post.html} → {@code /blog/post}, {@code docs/index.html} → {@code /docs}. Segments are made safe
 * as App Router folder names (no route groups, dynamic segments, private folders or odd characters), and
 * collisions get a numeric suffix; every renamed route is reported. Thread-safe (stateless).
 */
final class RouteMapper {
    private RouteMapper() {
    }

    static boolean isHtml(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm");
    }

    /** Routes ("" for the root, else "a/b", no slashes at the ends) by HTML file, in input order. */
    static Map<String, String> routes(List<String> htmlFiles, Report report) {
        Map<String, String> routes = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String file : htmlFiles) {
            String natural = natural(file);
            String route = safe(natural);
            String unique = route;
            for (int n = 2; !taken.add(unique); n++) {
                unique = route + (route.isEmpty() ? "page-" : "-") + n;
            }
            if (!unique.equals(natural)) {
                report.changed(file, 0, "served at /" + unique + " (a valid, unique App Router path)");
            }
            routes.put(file, unique);
        }
        return routes;
    }

    private static String natural(String file) {
        String withoutExtension = file.substring(0, file.lastIndexOf('.'));
        String name = Paths.name(withoutExtension);
        if (name.equals("index")) {
            return Paths.parent(withoutExtension);
        }
        return withoutExtension;
    }

    private static String safe(String route) {
        if (route.isEmpty()) {
            return route;
        }
        StringBuilder out = new StringBuilder();
        for (String segment : route.split("/")) {
            String cleaned = segment.replaceAll("[^A-Za-z0-9._~-]", "-").replaceAll("^[._~-]+", "");
            if (cleaned.isEmpty()) {
                cleaned = "page";
            }
            out.append(out.length() == 0 ? "" : "/").append(cleaned);
        }
        return out.toString();
    }
}
