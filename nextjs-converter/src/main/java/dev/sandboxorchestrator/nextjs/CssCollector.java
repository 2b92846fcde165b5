package dev.sandboxorchestrator.nextjs;

import dev.sandboxorchestrator.core.GeneratedCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Takes a page's stylesheets out of its DOM in cascade order: {@code <style>} blocks, local
 * {@code <link rel=stylesheet>} files (their {@code url()}s rewritten to {@code public/} and their local
 * {@code @import}s inlined where they stood) and remote stylesheets. Tailwind source blocks
 * ({@code <style type="text/tailwindcss">}) are kept apart for the Tailwind build. Not thread-safe: one per page.
 */
final class CssCollector {
    /** Marks where the Tailwind CDN script stood, i.e. where its CSS entered the cascade. */
    static final String TAILWIND_MARKER = "data-tailwind-cdn";
    private final GeneratedCode code;
    private final PageState page;
    final List<Sheet> sheets = new ArrayList<>();
    final List<String> tailwindCss = new ArrayList<>();
    private final Set<String> missing = new HashSet<>();

    CssCollector(GeneratedCode code, PageState page) {
        this.code = code;
        this.page = page;
    }

    void collect(Document document) {
        for (Element element : document.select("style, link")) {
            if (!element.parents().select("template, noscript").isEmpty()) {
                continue;
            }
            if (element.hasAttr(TAILWIND_MARKER)) {
                element.remove();
                sheets.add(Sheet.tailwind());
            } else if (element.normalName().equals("style")) {
                style(element);
            } else if (relIs(element, "stylesheet")) {
                link(element);
            }
        }
    }

    private void style(Element element) {
        String type = element.attr("type").strip().toLowerCase(Locale.ROOT);
        String css = element.data();
        element.remove();
        if (type.equals("text/tailwindcss")) {
            tailwindCss.add(CssUrls.rewrite(css, page.urls, page.base));
            return;
        }
        if (!type.isEmpty() && !type.equals("text/css")) {
            page.dropped(element, "<style type=\"" + type + "\"> is not CSS");
            return;
        }
        String text = inlineImports(css, page.base, new HashSet<>(), page.file);
        sheets.add(Sheet.local(text, element.attr("media").strip(), page.file + " <style> at line " + PageState.line(element)));
    }

    private void link(Element element) {
        String href = element.attr("href").strip();
        element.remove();
        if (relIs(element, "alternate") || element.hasAttr("disabled")) {
            page.dropped(element, "<link rel=\"" + element.attr("rel") + "\" href=\"" + href + "\"> is not applied by browsers by default");
            return;
        }
        if (href.isEmpty()) {
            page.dropped(element, "<link rel=stylesheet> without href");
            return;
        }
        String media = element.attr("media").strip();
        if (page.base.remote() != null && !href.startsWith("/") || UrlMapper.isExternal(href)) {
            String url = page.urls.asset(href, page.base);
            sheets.add(Sheet.remote(url.startsWith("//") ? "https:" + url : url, media));
            return;
        }
        Optional<String> path = page.urls.sitePath(href, page.base);
        String text = path.map(UrlMapper::decode).map(code::text).orElse(null);
        if (text == null) {
            page.unmapped(element, "stylesheet \"" + href + "\" is not in the input; left out");
            return;
        }
        String file = UrlMapper.decode(path.get());
        Set<String> seen = new HashSet<>();
        seen.add(file);
        String css = inlineImports(text, UrlMapper.Base.folder(Paths.parent(file)), seen, file);
        sheets.add(Sheet.local(css, media, file));
    }

    /** Rewrites url()s relative to the sheet and replaces local @imports by the imported file's CSS. */
    private String inlineImports(String css, UrlMapper.Base base, Set<String> seen, String sheetFile) {
        String stripped = css.replaceFirst("^\\uFEFF?\\s*@charset\\s+[\"'][^\"']*[\"']\\s*;", "");
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (CssUrls.Reference reference : CssUrls.find(stripped)) {
            out.append(stripped, at, reference.start());
            at = reference.end();
            if (!reference.isImport() || UrlMapper.isExternal(reference.url())) {
                out.append(reference.isImport() ? reference.url() : page.urls.asset(reference.url(), base));
                if (!reference.isImport() && base.remote() == null && !UrlMapper.isExternal(reference.url())
                        && !page.urls.exists(reference.url(), base) && missing.add(reference.url())) {
                    page.report.unmapped(sheetFile, 0,
                            "CSS url(" + reference.url() + ") points at a file the input does not have");
                }
                continue;
            }
            String file = page.urls.sitePath(reference.url(), base).map(UrlMapper::decode).orElse("");
            String imported = code.text(file);
            if (imported == null || !seen.add(file)) {
                out.append(page.urls.asset(reference.url(), base));
                continue;
            }
            int ruleStart = out.lastIndexOf("@import");
            int ruleEnd = stripped.indexOf(';', at);
            out.setLength(Math.max(0, ruleStart));
            out.append("/* ").append(file).append(" */\n").append(inlineImports(imported, UrlMapper.Base.folder(Paths.parent(file)), seen, file));
            at = ruleEnd < 0 ? stripped.length() : ruleEnd + 1;
        }
        return out.append(stripped, at, stripped.length()).toString();
    }

    static boolean relIs(Element element, String rel) {
        for (String token : element.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
            if (token.equals(rel)) {
                return true;
            }
        }
        return false;
    }
}
