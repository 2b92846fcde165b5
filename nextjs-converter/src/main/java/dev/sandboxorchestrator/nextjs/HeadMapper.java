package dev.sandboxorchestrator.nextjs;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Maps a page's {@code <head>}: {@code <title>} and {@code <meta name=description>} to Next.js {@code metadata},
 * {@code viewport}/{@code theme-color}/{@code color-scheme} to the {@code viewport} export, {@code <base href>}
 * into the base every URL of the page is resolved against; other {@code <meta>} and {@code <link>} elements stay
 * elements (React 19 hoists them into the head). Not thread-safe: one per page.
 */
final class HeadMapper {
    private static final Set<String> VIEWPORT_FIT = Set.of("auto", "cover", "contain");
    private static final Set<String> INTERACTIVE_WIDGET = Set.of("resizes-visual", "resizes-content", "overlays-content");
    private static final Set<String> COLOR_SCHEMES = Set.of("normal", "light", "dark", "light dark", "dark light", "only light");

    private final PageState page;
    String title;
    String description;
    final Map<String, String> viewport = new LinkedHashMap<>();
    private final List<String> themeColors = new ArrayList<>();
    /** Head elements kept as elements, moved into a holder the page writes at its start. */
    final Element extras = new Element("head-extras");

    HeadMapper(PageState page) {
        this.page = page;
    }

    /** Applies {@code <base href>} to the page's URL base; must run before anything resolves URLs. */
    void base(Document document) {
        Element base = document.selectFirst("base[href]");
        if (base == null) {
            return;
        }
        String href = base.attr("href").strip();
        if (href.startsWith("http://") || href.startsWith("https://") || href.startsWith("//")) {
            try {
                page.base = new UrlMapper.Base(page.base.folder(), URI.create(href.startsWith("//") ? "https:" + href : href));
            } catch (IllegalArgumentException e) {
                page.unmapped(base, "<base href=\"" + href + "\"> is not a valid URL; ignored");
            }
        } else {
            String resolved = Paths.resolveUrl(href.startsWith("/") ? "" : page.base.folder(), href.endsWith("/") ? href : Paths.parent(href));
            page.base = UrlMapper.Base.folder(resolved == null ? "" : resolved);
        }
        page.changed(base, "<base href=\"" + href + "\"> resolved into the page's URLs and removed");
        document.select("base").remove();
    }

    void map(Document document) {
        for (Element element : new ArrayList<>(document.head().children())) {
            switch (element.normalName()) {
                case "title" -> title = element.text();
                case "meta" -> meta(element);
                case "noscript" -> page.dropped(element, "<noscript> in <head> (the converted page runs with JavaScript)");
                default -> {
                    extras.appendChild(element.clone());
                }
            }
            element.remove();
        }
        for (Element element : document.body().select("title")) {
            if (element.parents().select("svg").isEmpty()) {
                title = title == null ? element.text() : title;
                element.remove();
            }
        }
    }

    private void meta(Element meta) {
        String name = meta.attr("name").strip().toLowerCase(Locale.ROOT);
        String content = meta.attr("content");
        if (meta.hasAttr("charset") || meta.attr("http-equiv").equalsIgnoreCase("content-type")) {
            return;
        }
        if (meta.attr("http-equiv").equalsIgnoreCase("x-ua-compatible")) {
            page.dropped(meta, "<meta http-equiv=\"X-UA-Compatible\"> (only old Internet Explorer reads it)");
            return;
        }
        switch (name) {
            case "description" -> description = content;
            case "viewport" -> viewport(meta, content);
            case "theme-color" -> themeColors.add(meta.hasAttr("media")
                    ? "{ media: " + Json.quote(meta.attr("media")) + ", color: " + Json.quote(content) + " }" : Json.quote(content));
            case "color-scheme" -> {
                if (COLOR_SCHEMES.contains(content.strip())) {
                    viewport.put("colorScheme", Json.quote(content.strip()));
                } else {
                    page.unmapped(meta, "color-scheme \"" + content + "\" is not one Next.js accepts; dropped");
                }
            }
            default -> extras.appendChild(meta.clone());
        }
    }

    private void viewport(Element meta, String content) {
        for (String part : content.split("[,;]")) {
            String[] pair = part.split("=", 2);
            String key = pair[0].strip().toLowerCase(Locale.ROOT);
            String value = pair.length > 1 ? pair[1].strip() : "";
            String mapped = viewportValue(key, value);
            if (mapped == null) {
                if (!key.isEmpty()) {
                    page.dropped(meta, "viewport \"" + part.strip() + "\" has no Next.js viewport field");
                }
                continue;
            }
            viewport.put(StyleParser.reactName(key), mapped);
        }
    }

    private static String viewportValue(String key, String value) {
        return switch (key) {
            case "width", "height" -> value.matches("\\d+") ? value : Json.quote(value);
            case "initial-scale", "minimum-scale", "maximum-scale" -> value.matches("\\d+(\\.\\d+)?|\\.\\d+") ? value : null;
            case "user-scalable" -> value.equalsIgnoreCase("no") || value.equals("0") ? "false" : "true";
            case "viewport-fit" -> VIEWPORT_FIT.contains(value) ? Json.quote(value) : null;
            case "interactive-widget" -> INTERACTIVE_WIDGET.contains(value) ? Json.quote(value) : null;
            default -> null;
        };
    }

    String metadataExport() {
        if (title == null && description == null) {
            return "";
        }
        StringBuilder out = new StringBuilder("export const metadata: Metadata = {\n");
        if (title != null) {
            out.append("  title: ").append(Json.quote(title)).append(",\n");
        }
        if (description != null) {
            out.append("  description: ").append(Json.quote(description)).append(",\n");
        }
        return out.append("};\n").toString();
    }

    String viewportExport() {
        Map<String, String> fields = new LinkedHashMap<>(viewport);
        if (!themeColors.isEmpty()) {
            fields.put("themeColor", themeColors.size() == 1 && !themeColors.get(0).startsWith("{")
                    ? themeColors.get(0) : "[" + String.join(", ", themeColors) + "]");
        }
        if (fields.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("export const viewport: Viewport = {\n");
        fields.forEach((key, value) -> out.append("  ").append(key).append(": ").append(value).append(",\n"));
        return out.append("};\n").toString();
    }
}
