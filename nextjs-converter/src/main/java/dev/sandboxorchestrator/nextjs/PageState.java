package dev.sandboxorchestrator.nextjs;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jsoup.nodes.Node;

/**
 * What converting one HTML page needs and learns on the way: where its URLs resolve, what it reports, and which
 * imports and runtime helpers the generated page needs. Not thread-safe: one per page.
 */
final class PageState {
    final String file;
    final Report report;
    final UrlMapper urls;
    UrlMapper.Base base;
    boolean usesLink;
    boolean usesCssProperties;
    /** Attributes React cannot render (on* handlers, javascript: URLs, invalid names) that the runtime restores. */
    boolean usesLegacyAttributes;
    /** Tags React's types do not know, declared in a .d.ts so the page type-checks. */
    final Set<String> unknownTags = new LinkedHashSet<>();

    PageState(String file, Report report, UrlMapper urls) {
        this.file = file;
        this.report = report;
        this.urls = urls;
        this.base = UrlMapper.Base.folder(Paths.parent(file));
    }

    static int line(Node node) {
        return node.sourceRange().isTracked() ? node.sourceRange().start().lineNumber() : 0;
    }

    void changed(Node node, String message) {
        report.changed(file, line(node), message);
    }

    void dropped(Node node, String message) {
        report.dropped(file, line(node), message);
    }

    void unmapped(Node node, String message) {
        report.unmapped(file, line(node), message);
    }
}
