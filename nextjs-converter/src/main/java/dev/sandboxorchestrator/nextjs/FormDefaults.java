package dev.sandboxorchestrator.nextjs;

import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Uncontrolled form state React expects: a {@code <select>}'s selected options become its {@code defaultValue}
 * (an array for {@code multiple}). Thread-safe (stateless).
 */
final class FormDefaults {
    private FormDefaults() {
    }

    /** The {@code defaultValue} prop (with a leading space) for a select, or "" when no option is selected. */
    static String selectDefault(Element select) {
        List<String> selected = select.select("option[selected]").stream().map(FormDefaults::optionValue).toList();
        if (selected.isEmpty()) {
            return "";
        }
        if (select.hasAttr("multiple")) {
            return " defaultValue={[" + String.join(", ", selected.stream().map(Json::quote).toList()) + "]}";
        }
        return " defaultValue={" + Json.quote(selected.get(selected.size() - 1)) + "}";
    }

    static String optionValue(Element option) {
        return option.hasAttr("value") ? option.attr("value") : Whitespace.collapse(option.text()).strip();
    }
}
