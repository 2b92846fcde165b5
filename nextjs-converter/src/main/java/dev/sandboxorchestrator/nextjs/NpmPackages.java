package dev.sandboxorchestrator.nextjs;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The npm side of a conversion: the pinned scaffold versions (verified to build together), a table of common
 * packages at versions that work with them, and how an import specifier names a package. Thread-safe.
 */
final class NpmPackages {
    static final String NEXT = "15.5.29";
    static final String REACT = "19.2.9";

    /** Runtime dependencies every project gets. */
    static final Map<String, String> DEPENDENCIES = ordered("next", NEXT, "react", REACT, "react-dom", REACT);

    /** Build-time dependencies every project gets. */
    static final Map<String, String> DEV_DEPENDENCIES = ordered(
            "typescript", "5.9.3", "@types/node", "20.19.43", "@types/react", "19.2.18", "@types/react-dom", "19.2.7",
            "tailwindcss", "3.4.19", "postcss", "8.5.33", "autoprefixer", "10.4.27",
            "eslint", "8.57.1", "eslint-config-next", NEXT);

    /** Versions known to install and build with React 19 and Next 15 (peer ranges checked). */
    static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("clsx", "2.1.1"),
            Map.entry("lucide-react", "1.81.0"),
            Map.entry("framer-motion", "14.14.0"),
            Map.entry("zustand", "5.1.0"),
            Map.entry("date-fns", "4.4.0"),
            Map.entry("react-icons", "5.7.0"),
            Map.entry("@heroicons/react", "2.2.0"),
            Map.entry("class-variance-authority", "0.7.1"),
            // 3.x targets Tailwind 4; the scaffold pins Tailwind 3.
            Map.entry("tailwind-merge", "2.6.0"),
            Map.entry("@headlessui/react", "2.2.10"),
            Map.entry("next-themes", "0.4.6"),
            Map.entry("sonner", "2.0.8"),
            Map.entry("@tailwindcss/forms", "0.5.11"),
            Map.entry("@tailwindcss/typography", "0.5.20"),
            Map.entry("@tailwindcss/aspect-ratio", "0.4.2"),
            Map.entry("@tailwindcss/container-queries", "0.1.1"));

    /** Packages a Next.js project has without listing them (Next bundles them) or that are Node built-ins. */
    private static final Set<String> PROVIDED = Set.of("react", "react-dom", "next", "styled-jsx", "server-only", "client-only",
            "assert", "async_hooks", "buffer", "child_process", "cluster", "console", "constants", "crypto", "dgram", "dns",
            "domain", "events", "fs", "http", "http2", "https", "inspector", "module", "net", "os", "path", "perf_hooks",
            "process", "punycode", "querystring", "readline", "repl", "stream", "string_decoder", "timers", "tls", "tty",
            "url", "util", "v8", "vm", "worker_threads", "zlib");

    private NpmPackages() {
    }

    /** The npm package an import specifier refers to, or empty for relative, aliased, URL and provided modules. */
    static Optional<String> packageOf(String specifier) {
        if (specifier.isEmpty() || specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("#")
                || specifier.startsWith("@/") || specifier.startsWith("~") || specifier.contains(":")) {
            return Optional.empty();
        }
        String[] parts = specifier.split("/", 3);
        String name;
        if (specifier.startsWith("@")) {
            if (parts.length < 2 || parts[1].isEmpty()) {
                return Optional.empty();
            }
            name = parts[0] + "/" + parts[1];
        } else {
            name = parts[0];
        }
        if (PROVIDED.contains(name) || !name.matches("(@[a-z0-9][\\w.-]*/)?[a-z0-9][\\w.-]*")) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** The pinned version for a package, or empty when it is not in the table. */
    static Optional<String> knownVersion(String name) {
        return Optional.ofNullable(KNOWN.get(name));
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
