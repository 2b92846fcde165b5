package dev.sandboxorchestrator.nextjs;

import java.util.List;

/**
 * The files every Next.js 15 App Router project needs, each written only when the input did not bring its own.
 * Thread-safe (stateless).
 */
final class Scaffold {
    static final String NEXT_CONFIG = """
            /** @type {import('next').NextConfig} */
            const nextConfig = {};

            module.exports = nextConfig;
            """;

    /** A next.config.js that also serves the original .html URLs at their routes (scripts may navigate to them). */
    static String nextConfig(java.util.Map<String, String> rewrites) {
        if (rewrites.isEmpty()) {
            return NEXT_CONFIG;
        }
        StringBuilder out = new StringBuilder("/** @type {import('next').NextConfig} */\nconst nextConfig = {\n");
        out.append("  // The original pages' URLs keep working.\n  async rewrites() {\n    return [\n");
        rewrites.forEach((source, destination) -> out.append("      { source: ").append(Json.quote(source))
                .append(", destination: ").append(Json.quote(destination)).append(" },\n"));
        return out.append("    ];\n  },\n};\n\nmodule.exports = nextConfig;\n").toString();
    }

    static final String POSTCSS_CONFIG = """
            module.exports = {
              plugins: {
                tailwindcss: {},
                autoprefixer: {},
              },
            };
            """;

    static final String ESLINT_CONFIG = "{\n  \"extends\": \"next/core-web-vitals\"\n}\n";

    static final String NEXT_ENV = """
            /// <reference types="next" />
            /// <reference types="next/image-types/global" />

            // NOTE: This file should not be edited
            // see https://nextjs.org/docs/app/api-reference/config/typescript for more information.
            """;

    static final String TAILWIND_DIRECTIVES = "@tailwind base;\n@tailwind components;\n@tailwind utilities;\n";

    private Scaffold() {
    }

    /** Writes the configuration files that are missing; {@code srcLayout} points the {@code @/*} alias at src/. */
    static void write(Output out, Report report, boolean srcLayout, String tailwindConfig, java.util.Map<String, String> rewrites) {
        written(out, report, "next.config.js", nextConfig(rewrites), List.of("next.config.mjs", "next.config.ts"));
        written(out, report, "tsconfig.json", tsconfig(srcLayout), List.of());
        written(out, report, "postcss.config.js", POSTCSS_CONFIG, List.of("postcss.config.mjs", "postcss.config.cjs"));
        written(out, report, "tailwind.config.js", tailwindConfig == null ? tailwindConfig() : tailwindConfig,
                List.of("tailwind.config.ts", "tailwind.config.mjs", "tailwind.config.cjs"));
        written(out, report, ".eslintrc.json", ESLINT_CONFIG, List.of(".eslintrc", ".eslintrc.js", ".eslintrc.cjs",
                "eslint.config.js", "eslint.config.mjs"));
        written(out, report, "next-env.d.ts", NEXT_ENV, List.of());
    }

    /** A Tailwind config whose content globs cover app/, components/ and src/, with the default theme. */
    static String tailwindConfig() {
        return tailwindConfig(null, java.util.Set.of());
    }

    /**
     * A Tailwind config with the page's own inline config object (from {@code tailwind.config = {…}}) spread in,
     * the project's content globs, and the given plugin packages.
     */
    static String tailwindConfig(String pageConfig, java.util.Set<String> plugins) {
        StringBuilder out = new StringBuilder("/** @type {import('tailwindcss').Config} */\n");
        if (pageConfig != null) {
            out.append("// The page's own configuration (it set tailwind.config for the Tailwind CDN).\n");
            out.append("const pageConfig = ").append(pageConfig).append(";\n\n");
        }
        out.append("module.exports = {\n");
        out.append(pageConfig != null ? "  ...pageConfig,\n" : "  theme: {\n    extend: {},\n  },\n");
        out.append("  content: [\n    \"./app/**/*.{js,ts,jsx,tsx,mdx}\",\n    \"./components/**/*.{js,ts,jsx,tsx,mdx}\",\n")
                .append("    \"./src/**/*.{js,ts,jsx,tsx,mdx}\",\n  ],\n");
        out.append("  plugins: [");
        if (pageConfig != null) {
            out.append("...(pageConfig.plugins || [])");
        }
        for (String plugin : plugins) {
            out.append(out.charAt(out.length() - 1) == '[' ? "" : ", ").append("require(").append(Json.quote(plugin)).append(")");
        }
        return out.append("],\n};\n").toString();
    }

    static String tsconfig(boolean srcLayout) {
        return """
                {
                  "compilerOptions": {
                    "target": "ES2017",
                    "lib": ["dom", "dom.iterable", "esnext"],
                    "allowJs": true,
                    "skipLibCheck": true,
                    "strict": true,
                    "noEmit": true,
                    "esModuleInterop": true,
                    "module": "esnext",
                    "moduleResolution": "bundler",
                    "resolveJsonModule": true,
                    "isolatedModules": true,
                    "jsx": "preserve",
                    "incremental": true,
                    "plugins": [{ "name": "next" }],
                    "paths": { "@/*": ["./%s*"] }
                  },
                  "include": ["next-env.d.ts", "**/*.ts", "**/*.tsx", ".next/types/**/*.ts"],
                  "exclude": ["node_modules", "public"]
                }
                """.formatted(srcLayout ? "src/" : "");
    }

    private static void written(Output out, Report report, String path, String text, List<String> alternatives) {
        for (String other : alternatives) {
            if (out.has(other)) {
                return;
            }
        }
        if (out.textIfAbsent(path, text)) {
            report.added(path, "generated the standard " + path);
        }
    }
}
