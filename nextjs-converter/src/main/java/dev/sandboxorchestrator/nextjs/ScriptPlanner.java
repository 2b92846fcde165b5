package dev.sandboxorchestrator.nextjs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Takes a page's executable scripts out of its DOM, in document order, as entries for the
 * {@code LegacyScripts} runtime (which runs them after hydration as a browser would). Data blocks
 * ({@code application/ld+json}, {@code text/template}, {@code text/babel}, import maps) stay in the DOM.
 * The Tailwind play CDN script and an inline {@code tailwind.config = {…}} become a build-time Tailwind setup.
 * Not thread-safe: one per page.
 */
final class ScriptPlanner {
    private static final Set<String> JS_TYPES = Set.of("", "text/javascript", "application/javascript", "module",
            "application/ecmascript", "text/ecmascript", "application/x-javascript", "application/x-ecmascript",
            "text/jscript", "text/livescript", "text/x-javascript", "text/x-ecmascript", "text/javascript1.0",
            "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4", "text/javascript1.5");
    private static final Set<String> RUNTIME_KEYS = Set.of("src", "type", "async", "defer");

    private final PageState page;
    /** Script entries as TypeScript object literals. */
    final List<String> entries = new ArrayList<>();
    final TailwindSetup tailwind;

    ScriptPlanner(PageState page, TailwindSetup tailwind) {
        this.page = page;
        this.tailwind = tailwind;
    }

    void plan(Document document) {
        for (Element script : document.select("script")) {
            if (!script.parents().select("template").isEmpty()) {
                continue;
            }
            String type = script.attr("type").strip().toLowerCase(Locale.ROOT);
            int semicolon = type.indexOf(';');
            type = semicolon < 0 ? type : type.substring(0, semicolon).strip();
            String src = script.attr("src").strip();
            if (TailwindSetup.isCdn(src)) {
                tailwind.useCdn(src);
                page.changed(script, "the Tailwind CDN script became a build-time Tailwind setup (tailwind.config.js, globals.css)");
                script.replaceWith(new Element("style").attr(CssCollector.TAILWIND_MARKER, ""));
                continue;
            }
            if (!JS_TYPES.contains(type)) {
                continue;
            }
            if (script.hasAttr("nomodule")) {
                page.dropped(script, "<script nomodule> (modern browsers never run it)");
                script.remove();
                continue;
            }
            String code = script.data();
            if (src.isEmpty() && TailwindSetup.hasConfig(code)) {
                code = tailwind.takeConfig(code, page, script);
                if (code.isBlank()) {
                    script.remove();
                    continue;
                }
            }
            entries.add(entry(script, type.equals("module"), src, code));
            script.remove();
        }
    }

    private String entry(Element script, boolean module, String src, String code) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (!src.isEmpty()) {
            fields.put("src", Json.quote(page.urls.asset(src, page.base)));
            if (!UrlMapper.isExternal(src) && page.base.remote() == null && !page.urls.exists(src, page.base)) {
                page.unmapped(script, "<script src=\"" + src + "\"> points at a file the input does not have");
            }
        } else {
            fields.put("code", Json.quote(code));
        }
        if (module) {
            fields.put("module", "true");
        }
        if (script.hasAttr("async") && !src.isEmpty()) {
            fields.put("async", "true");
        }
        if (script.hasAttr("defer") && !src.isEmpty()) {
            fields.put("defer", "true");
        }
        if (script.parents().stream().anyMatch(parent -> parent.normalName().equals("head"))) {
            fields.put("head", "true");
        }
        List<String> attributes = new ArrayList<>();
        for (Attribute attribute : script.attributes()) {
            if (!RUNTIME_KEYS.contains(attribute.getKey().toLowerCase(Locale.ROOT))) {
                attributes.add(Json.quote(attribute.getKey()) + ": " + Json.quote(attribute.getValue()));
            }
        }
        if (!attributes.isEmpty()) {
            fields.put("attributes", "{ " + String.join(", ", attributes) + " }");
        }
        StringBuilder out = new StringBuilder("{ ");
        fields.forEach((key, value) -> out.append(out.length() > 2 ? ", " : "").append(key).append(": ").append(value));
        return out.append(" }").toString();
    }
}
