package dev.sandboxorchestrator.nextjs;

import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.Project;
import java.util.Map;
import java.util.stream.Collectors;

/** Test helper: converts HTML snippets and returns the parts of the result a test looks at. */
final class Html {
    private Html() {
    }

    static Project convert(String html) {
        return new NextJsProjectConverter().convert(GeneratedCode.of(Map.of("index.html", html)));
    }

    static String page(String html) {
        return convert(html).files().get("app/page.tsx").asString();
    }

    /** The JSX of the body, one element per line, indentation removed. */
    static String body(String bodyHtml) {
        String page = page("<!doctype html><html><head><title>t</title></head><body>" + bodyHtml + "</body></html>");
        int start = page.indexOf("<>\n") + 3;
        int end = page.indexOf("    </>");
        return page.substring(start, end).lines().map(String::strip)
                .filter(line -> !line.startsWith("<LegacyScripts"))
                .collect(Collectors.joining("\n"));
    }
}
