package dev.sandboxorchestrator.nextjs;

import dev.sandboxorchestrator.core.GeneratedCode;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * One HTML page converted: its route, head (metadata, viewport, kept head elements), stylesheets in cascade
 * order, scripts for the runtime, the attributes of its {@code <html>} and {@code <body>} and its body as JSX.
 * The HTML is parsed by jsoup exactly as a browser would parse it (broken markup included); nothing is edited
 * as text. Not thread-safe: one per page.
 */
final class HtmlPage {
    final String file;
    final String route;
    final PageState state;
    final PageState layoutState;
    final HeadMapper head;
    final List<Sheet> sheets;
    final List<String> tailwindCss;
    final TailwindSetup tailwind = new TailwindSetup();
    final List<String> scripts;
    final String htmlAttributes;
    final String bodyAttributes;
    final String headJsx;
    final String bodyJsx;

    HtmlPage(GeneratedCode code, String file, String route, UrlMapper urls, Report report) {
        this.file = file;
        this.route = route;
        this.state = new PageState(file, report, urls);
        this.layoutState = new PageState(file, report, urls);
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        Document document = parser.parseInput(code.text(file), "");
        head = new HeadMapper(state);
        head.base(document);
        layoutState.base = state.base;
        ScriptPlanner planner = new ScriptPlanner(state, tailwind);
        planner.plan(document);
        scripts = planner.entries;
        CssCollector css = new CssCollector(code, state);
        css.collect(document);
        sheets = css.sheets;
        tailwindCss = css.tailwindCss;
        head.map(document);
        Element html = document.selectFirst("html");
        htmlAttributes = html == null ? "" : AttributeMapper.render(html, "html", true, layoutState);
        bodyAttributes = AttributeMapper.render(document.body(), "body", true, layoutState);
        headJsx = new JsxWriter(state).children(head.extras, 3);
        bodyJsx = new JsxWriter(state).children(document.body(), 3);
    }

    /** What must be equal for two pages to share one root layout. */
    String layoutSignature() {
        StringBuilder key = new StringBuilder(htmlAttributes).append('\u0000').append(bodyAttributes);
        for (Sheet sheet : sheets) {
            key.append('\u0000').append(sheet.kind()).append(sheet.url()).append(sheet.media()).append(sheet.css());
        }
        tailwindCss.forEach(css -> key.append('\u0000').append(css));
        return key.toString();
    }

    boolean needsRuntime() {
        return !scripts.isEmpty() || state.usesLegacyAttributes || layoutState.usesLegacyAttributes;
    }
}
