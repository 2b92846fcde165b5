package dev.sandboxorchestrator.nextjs;

import dev.sandboxorchestrator.core.GeneratedCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts a site of HTML pages: every page becomes a route; pages whose head (stylesheets, {@code <html>} and
 * {@code <body>} attributes) is the same share the root layout {@code app/layout.tsx}; when pages differ, each
 * kind gets its own root layout in a route group ({@code app/(about)/layout.tsx}), so navigating between them
 * loads a fresh document as the original did. All other input files are served from {@code public/} at their
 * original paths; the old {@code .html} URLs are rewritten to the routes. Not thread-safe: one per conversion.
 */
final class HtmlSite {
    /** What the project around the site needs to know. */
    record Result(String tailwindConfig, Set<String> tailwindPlugins, Map<String, String> rewrites) {
    }

    private final GeneratedCode code;
    private final Report report;

    HtmlSite(GeneratedCode code, Report report) {
        this.code = code;
        this.report = report;
    }

    static boolean hasPages(GeneratedCode code) {
        return code.files().keySet().stream().anyMatch(RouteMapper::isHtml);
    }

    Result convert(Output out) {
        // The home page first: it names the shared layout and its stylesheet comments.
        List<String> htmlFiles = code.files().keySet().stream().filter(RouteMapper::isHtml)
                .sorted(java.util.Comparator.comparing(path -> !path.toLowerCase(java.util.Locale.ROOT).matches("index\\.html?"))).toList();
        Map<String, String> routes = RouteMapper.routes(htmlFiles, report);
        Map<String, String> routeUrls = new LinkedHashMap<>();
        routes.forEach((file, route) -> routeUrls.put(file, "/" + route));
        UrlMapper urls = new UrlMapper(code.files().keySet(), routeUrls);
        List<HtmlPage> pages = new ArrayList<>();
        routes.forEach((file, route) -> pages.add(new HtmlPage(code, file, route, urls, report)));
        boolean runtime = pages.stream().anyMatch(HtmlPage::needsRuntime);
        Map<String, List<HtmlPage>> groups = new LinkedHashMap<>();
        pages.forEach(page -> groups.computeIfAbsent(page.layoutSignature(), key -> new ArrayList<>()).add(page));
        boolean grouped = groups.size() > 1;
        Set<String> groupNames = new LinkedHashSet<>();
        for (List<HtmlPage> group : groups.values()) {
            String folder = "app";
            if (grouped) {
                String name = groupName(group.get(0), groupNames);
                folder = "app/(" + name + ")";
                for (HtmlPage page : group) {
                    report.changed(page.file, 0, "has its own head (stylesheets or <html>/<body> attributes); given the root layout "
                            + folder + "/layout.tsx");
                }
            }
            writeGroup(out, folder, group, runtime);
        }
        Set<String> unknownTags = new LinkedHashSet<>();
        pages.forEach(page -> {
            unknownTags.addAll(page.state.unknownTags);
            unknownTags.addAll(page.layoutState.unknownTags);
        });
        if (!unknownTags.isEmpty()) {
            out.text(PageFiles.ELEMENTS_PATH, PageFiles.elementTypes(unknownTags));
        }
        if (runtime) {
            out.text(PageFiles.RUNTIME_PATH, resource("LegacyScripts.tsx"));
        }
        copyAssets(out);
        return result(pages, routes);
    }

    private void writeGroup(Output out, String folder, List<HtmlPage> group, boolean runtime) {
        HtmlPage first = group.get(0);
        String publicPrefix = "/_legacy/styles/" + (folder.equals("app") ? "site" : folder.substring(5, folder.length() - 1)) + "-";
        CssAssembler css = new CssAssembler(first.sheets, first.tailwindCss, publicPrefix, report, first.file);
        out.text(folder + "/globals.css", css.bundled.toString());
        css.publicFiles.forEach(out::text);
        out.text(folder + "/layout.tsx", PageFiles.layout(first, css.links));
        for (HtmlPage page : group) {
            String path = folder + (page.route.isEmpty() ? "" : "/" + page.route) + "/page.tsx";
            out.text(path, PageFiles.page(page, runtime));
        }
    }

    private static String groupName(HtmlPage page, Set<String> taken) {
        String base = page.route.isEmpty() ? "home" : page.route.replace('/', '-');
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    private void copyAssets(Output out) {
        code.files().forEach((path, content) -> {
            if (!RouteMapper.isHtml(path)) {
                out.put(path.startsWith("public/") ? path : "public/" + path, content);
            }
        });
    }

    private Result result(List<HtmlPage> pages, Map<String, String> routes) {
        String config = null;
        Set<String> plugins = new LinkedHashSet<>();
        for (HtmlPage page : pages) {
            if (config == null) {
                config = page.tailwind.config();
            }
            plugins.addAll(page.tailwind.plugins());
        }
        Map<String, String> rewrites = new LinkedHashMap<>();
        routes.forEach((file, route) -> {
            if (file.matches("[A-Za-z0-9/._~-]+")) {
                rewrites.put("/" + file, "/" + route);
            }
        });
        return new Result(config, plugins, rewrites);
    }

    static String resource(String name) {
        try (InputStream in = HtmlSite.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
