package dev.sandboxorchestrator.generator.template;

import java.util.List;
import java.util.Map;

/** The same landing page as plain HTML, for {@code GenerationRequest.Format.HTML}. */
final class HtmlPage {
    private HtmlPage() {
    }

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> content) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(content.get("subject"))).append("</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;margin:0;color:#1c1917;background:#fafaf9}")
                .append("header,section,footer{max-width:960px;margin:0 auto;padding:48px 24px}h1{font-size:3rem}")
                .append(".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:16px}")
                .append(".card{background:#fff;border-radius:16px;padding:24px;box-shadow:0 1px 3px #0002}</style>\n</head>\n<body>\n")
                .append("<header><h1>").append(escape(content.get("headline"))).append("</h1><p>")
                .append(escape(content.get("tagline"))).append("</p></header>\n");
        for (Map<String, Object> section : (List<Map<String, Object>>) content.get("sections")) {
            html.append("<section id=\"").append(escape(section.get("id"))).append("\"><h2>").append(escape(section.get("title")))
                    .append("</h2><p>").append(escape(section.get("intro"))).append("</p>");
            Object items = section.containsKey("items") ? section.get("items") : section.get("plans");
            if (items instanceof List<?> list) {
                html.append("<div class=\"cards\">");
                for (Object item : list) {
                    Map<String, Object> fields = (Map<String, Object>) item;
                    html.append("<div class=\"card\">");
                    fields.values().forEach(value -> html.append("<p>").append(escape(value)).append("</p>"));
                    html.append("</div>");
                }
                html.append("</div>");
            }
            html.append("</section>\n");
        }
        return html.append("<footer><p>").append(escape(content.get("disclaimer"))).append("</p></footer>\n</body>\n</html>\n").toString();
    }

    private static String escape(Object value) {
        return String.valueOf(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
