package dev.sandboxorchestrator.nextjs;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays a page's stylesheets out so the cascade order of the original survives Next.js, which always puts its
 * bundled CSS first in {@code <head>}: remote sheets before the first local one become {@code @import}s at the
 * top of the bundled file; the local sheets up to the next remote one are bundled (with the Tailwind directives
 * where the CDN script stood); everything from the first remote sheet after local CSS on is linked from the
 * layout's head in order (local CSS there is served from {@code public/}). Not thread-safe: one per layout.
 */
final class CssAssembler {
    /** A stylesheet link for the layout's head: the URL and its media query. */
    record Link(String href, String media) {
    }

    final StringBuilder bundled = new StringBuilder();
    final List<Link> links = new ArrayList<>();
    /** CSS files to serve from public/: path → CSS. */
    final java.util.Map<String, String> publicFiles = new java.util.LinkedHashMap<>();

    CssAssembler(List<Sheet> sheets, List<String> tailwindCss, String publicPrefix, Report report, String file) {
        List<String> imports = new ArrayList<>();
        boolean seenLocal = false;
        boolean tail = false;
        boolean tailwindDone = false;
        for (Sheet sheet : sheets) {
            switch (sheet.kind()) {
                case REMOTE -> {
                    if (!seenLocal) {
                        imports.add("@import url(" + Json.quote(sheet.url()) + ")" + (sheet.media().isEmpty() ? "" : " " + sheet.media()) + ";");
                    } else {
                        tail = true;
                        links.add(new Link(sheet.url(), sheet.media()));
                    }
                }
                case TAILWIND -> {
                    if (!tailwindDone) {
                        tailwindDone = true;
                        seenLocal = true;
                        bundled.append(Scaffold.TAILWIND_DIRECTIVES);
                        tailwindCss.forEach(css -> bundled.append(css).append('\n'));
                    }
                }
                case LOCAL -> {
                    seenLocal = true;
                    local(sheet, tail, imports, publicPrefix, report, file);
                }
                default -> throw new IllegalStateException(sheet.kind().name());
            }
        }
        if (!imports.isEmpty()) {
            bundled.insert(0, String.join("\n", imports) + "\n");
        }
    }

    private void local(Sheet sheet, boolean tail, List<String> imports, String publicPrefix, Report report, String file) {
        String css = hoistImports(sheet.css(), imports, report, file, sheet.origin());
        String text = sheet.media().isEmpty() ? css : "@media " + sheet.media() + " {\n" + css + "\n}";
        if (tail) {
            String path = publicPrefix + (publicFiles.size() + 1) + ".css";
            publicFiles.put("public" + path, text);
            links.add(new Link(path, ""));
        } else {
            bundled.append("/* ").append(sheet.origin().replace("*/", "* /")).append(" */\n").append(text).append('\n');
        }
    }

    /** Moves remote {@code @import}s of a bundled sheet to the top, where CSS allows them. */
    private static String hoistImports(String css, List<String> imports, Report report, String file, String origin) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (CssUrls.Reference reference : CssUrls.find(css)) {
            if (!reference.isImport() || reference.start() < at) {
                continue;
            }
            int start = css.lastIndexOf("@import", reference.start());
            int end = css.indexOf(';', reference.end());
            if (start < at || end < 0) {
                continue;
            }
            imports.add(css.substring(start, end + 1).strip());
            out.append(css, at, start);
            at = end + 1;
            report.changed(file, 0, "@import of " + reference.url() + " in " + origin + " moved to the top of the bundled CSS");
        }
        return out.append(css, at, css.length()).toString();
    }
}
