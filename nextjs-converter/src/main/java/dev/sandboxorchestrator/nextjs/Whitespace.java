package dev.sandboxorchestrator.nextjs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;

/**
 * HTML whitespace rules for JSX: runs of ASCII whitespace collapse to one space (non-breaking spaces stay);
 * a space next to a block boundary cannot render and is dropped; any other space is kept so that words
 * between inline elements do not run together. Thread-safe (stateless).
 */
final class Whitespace {
    private Whitespace() {
    }

    static String collapse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
            } else {
                out.append(c);
                space = false;
            }
        }
        return out.toString();
    }

    /** Items with text collapsed and unrenderable whitespace removed; kept lone spaces become {@code space}. */
    static List<Object> arrange(List<Object> raw, String parentTag, boolean noText, Set<String> block, Object space) {
        boolean parentBlock = block.contains(parentTag);
        List<Object> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Object item = raw.get(i);
            if (!(item instanceof String text)) {
                out.add(item);
                continue;
            }
            String collapsed = collapse(text);
            boolean startBoundary = boundary(raw, i, -1, parentBlock, block);
            boolean endBoundary = boundary(raw, i, +1, parentBlock, block);
            if (collapsed.isBlank() && !collapsed.contains("\u00a0")) {
                if (!noText && !startBoundary && !endBoundary) {
                    out.add(space);
                }
                continue;
            }
            if (startBoundary && collapsed.startsWith(" ")) {
                collapsed = collapsed.substring(1);
            }
            if (endBoundary && collapsed.endsWith(" ")) {
                collapsed = collapsed.substring(0, collapsed.length() - 1);
            }
            out.add(collapsed);
        }
        return out;
    }

    /** Whether the neighbour in the direction (skipping comments) is a block, or the edge of a block parent. */
    private static boolean boundary(List<Object> items, int at, int step, boolean parentBlock, Set<String> block) {
        for (int i = at + step; i >= 0 && i < items.size(); i += step) {
            Object item = items.get(i);
            if (item instanceof Comment) {
                continue;
            }
            return item instanceof Element element && block.contains(element.normalName());
        }
        return parentBlock;
    }
}
