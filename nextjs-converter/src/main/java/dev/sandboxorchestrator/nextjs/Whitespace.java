package dev.sandboxorchestrator.nextjs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Comment;

/**
 * HTML whitespace rules for JSX: runs of ASCII whitespace collapse to one space (non-breaking spaces stay).
 * Every space between siblings is kept, whatever the tags: CSS may make any element inline or inline-block
 * (navigation {@code <li>}s), and where the boxes are blocks a collapsible space renders nothing anyway.
 * Only spaces at the very start or end of a structural container (which is never inline, so they would sit
 * at a line edge) are dropped, and all whitespace where React forbids text (table structure). Thread-safe.
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
            boolean startBoundary = boundary(raw, i, -1, parentBlock);
            boolean endBoundary = boundary(raw, i, +1, parentBlock);
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

    /** Whether only comments lie between the item and the parent's edge in the direction. */
    private static boolean boundary(List<Object> items, int at, int step, boolean parentBlock) {
        for (int i = at + step; i >= 0 && i < items.size(); i += step) {
            if (!(items.get(i) instanceof Comment)) {
                return false;
            }
        }
        return parentBlock;
    }
}
