package dev.sandboxorchestrator.nextjs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Writes a jsoup subtree as JSX, iteratively (an explicit stack, so 10 000-deep documents cannot overflow the
 * Java stack) and in linear time. Text is escaped for JSX and for {@code react/no-unescaped-entities};
 * whitespace that renders (between inline elements, inside {@code <pre>}/{@code <textarea>} and
 * {@code white-space: pre*} elements) is kept exactly; whitespace that cannot render (at the edges of block containers, inside
 * table structure where React forbids text) is dropped. Comments become JSX comments. Not thread-safe: one per page.
 */
final class JsxWriter {
    private static final int MAX_INDENT = 60;
    /** Containers that are never inline, so whitespace at their start or end sits at a line edge and never renders. */
    private static final Set<String> BLOCK = Set.of("html", "head", "body", "address", "article", "aside", "blockquote",
            "details", "dialog", "div", "dl", "fieldset", "figure", "footer", "form", "header", "hgroup", "main", "nav",
            "ol", "ul", "menu", "section", "table", "thead", "tbody", "tfoot", "tr", "colgroup", "select", "optgroup",
            "datalist", "noscript", "template", "search", "frameset");
    /** Elements where React (and the HTML parser) reject whitespace text children. */
    private static final Set<String> NO_TEXT = Set.of("table", "thead", "tbody", "tfoot", "tr", "colgroup", "select",
            "optgroup", "html", "head", "frameset");
    /** Elements whose content the HTML parser keeps as raw text that is never displayed. */
    private static final Set<String> RAW_FALLBACK = Set.of("iframe", "noembed", "noframes");
    private static final Set<String> PREFORMATTED = Set.of("pre", "textarea", "listing", "plaintext", "xmp");
    private static final Pattern PRE_STYLE = Pattern.compile("white-space\\s*:\\s*(pre|break-spaces)", Pattern.CASE_INSENSITIVE);
    private static final Pattern JSX_TAG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9._-]*)?");

    private final PageState page;
    private final StringBuilder out = new StringBuilder();

    private record Frame(List<Object> items, int depth, String closing, boolean pre, int[] next) {
    }

    /** A marker item: one space that renders. */
    private static final Object SPACE = new Object();

    JsxWriter(PageState page) {
        this.page = page;
    }

    /** The children of {@code parent} as JSX lines at the given indentation depth. */
    String children(Element parent, int depth) {
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(items(parent, isPre(parent, false)), depth, null, isPre(parent, false), new int[] {0}));
        while (!stack.isEmpty()) {
            Frame frame = stack.peek();
            if (frame.next()[0] == frame.items().size()) {
                stack.pop();
                if (frame.closing() != null) {
                    line(frame.depth() - 1, frame.closing());
                }
                continue;
            }
            Object item = frame.items().get(frame.next()[0]++);
            Frame child = write(item, frame);
            if (child != null) {
                stack.push(child);
            }
        }
        return out.toString();
    }

    private Frame write(Object item, Frame frame) {
        int depth = frame.depth();
        if (item == SPACE) {
            line(depth, "{\" \"}");
        } else if (item instanceof String text) {
            line(depth, frame.pre() ? "{" + Json.quote(text) + "}" : JsxText.spaced(text));
        } else if (item instanceof Comment comment) {
            line(depth, "{/* " + comment.getData().strip().replace("*/", "* /") + " */}");
        } else if (item instanceof Element element) {
            return element(element, depth, frame.pre());
        }
        return null;
    }

    private Frame element(Element element, int depth, boolean parentPre) {
        String tag = element.normalName();
        String known = ReactProps.get().knownTag(tag);
        String name = jsxName(element, tag, known);
        String attributes = AttributeMapper.render(element, known != null ? known : tag, known != null, page) + special(element, tag);
        boolean pre = isPre(element, parentPre);
        if (tag.equals("textarea") || tag.equals("template") || tag.equals("script") || tag.equals("style")) {
            line(depth, "<" + name + attributes + " />");
            return null;
        }
        if (RAW_FALLBACK.contains(tag)) {
            if (!element.wholeText().isBlank() || !element.data().isBlank()) {
                page.dropped(element, "<" + tag + "> fallback content (browsers never show it; React could not hydrate it)");
            }
            line(depth, "<" + name + attributes + " />");
            return null;
        }
        List<Object> items = items(element, pre);
        if (items.isEmpty()) {
            line(depth, "<" + name + attributes + " />");
            return null;
        }
        if (items.size() == 1 && items.get(0) instanceof String text) {
            line(depth, "<" + name + attributes + ">" + (pre ? "{" + Json.quote(text) + "}" : JsxText.spaced(text)) + "</" + name + ">");
            return null;
        }
        line(depth, "<" + name + attributes + ">");
        return new Frame(items, depth + 1, "</" + name + ">", pre, new int[] {0});
    }

    /** Props that come from content rather than attributes. */
    private String special(Element element, String tag) {
        switch (tag) {
            case "textarea" -> {
                // The HTML parser drops a newline right after <textarea>; jsoup keeps it.
                String text = element.wholeText().replaceFirst("^\r?\n", "");
                return text.isEmpty() ? "" : " defaultValue={" + Json.quote(text) + "}";
            }
            case "template", "script", "style" -> {
                String html = tag.equals("template") ? element.html() : element.data();
                return html.isEmpty() ? "" : " dangerouslySetInnerHTML={{ __html: " + Json.quote(html) + " }}";
            }
            case "select" -> {
                return FormDefaults.selectDefault(element);
            }
            default -> {
                return "";
            }
        }
    }

    private String jsxName(Element element, String tag, String known) {
        if (tag.equals("a") && page.urls.pageLink(element.attr("href"), page.base).isPresent()
                && !element.hasAttr("download") && element.hasAttr("href")) {
            page.usesLink = true;
            return "Link";
        }
        if (known != null) {
            return known;
        }
        if (JSX_TAG.matcher(tag).matches()) {
            page.unknownTags.add(tag);
            return tag;
        }
        page.changed(element, "<" + tag + "> is not a valid JSX tag name; written as <span data-legacy-tag=\"" + tag + "\">");
        element.attr("data-legacy-tag", tag);
        return "span";
    }

    /** The children to write: adjacent text merged, whitespace that cannot render dropped, the rest as items. */
    private List<Object> items(Element parent, boolean pre) {
        List<Object> raw = new ArrayList<>();
        StringBuilder text = null;
        for (Node child : parent.childNodes()) {
            if (child instanceof TextNode textNode) {
                text = text == null ? new StringBuilder() : text;
                text.append(textNode.getWholeText());
                continue;
            }
            if (child instanceof DataNode data) {
                text = text == null ? new StringBuilder() : text;
                text.append(data.getWholeData());
                continue;
            }
            if (text != null) {
                raw.add(text.toString());
                text = null;
            }
            if (child instanceof Element || child instanceof Comment) {
                raw.add(child);
            }
        }
        if (text != null) {
            raw.add(text.toString());
        }
        if (pre) {
            if (!raw.isEmpty() && raw.get(0) instanceof String first && PREFORMATTED.contains(parent.normalName()) && first.startsWith("\n")) {
                raw.set(0, first.substring(1));
            }
            raw.removeIf(item -> item instanceof String s && s.isEmpty());
            return raw;
        }
        return Whitespace.arrange(raw, parent.normalName(), NO_TEXT.contains(parent.normalName()), BLOCK, SPACE);
    }

    private static boolean isPre(Element element, boolean inherited) {
        return inherited || PREFORMATTED.contains(element.normalName()) || PRE_STYLE.matcher(element.attr("style")).find();
    }

    private void line(int depth, String text) {
        out.append("  ".repeat(Math.min(depth, MAX_INDENT))).append(text).append('\n');
    }
}
