package dev.sandboxorchestrator.nextjs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Spells one element's HTML attributes as JSX props the way React and its TypeScript types want them:
 * {@code class} → {@code className}, {@code tabindex} → {@code tabIndex}, SVG's {@code stroke-width} →
 * {@code strokeWidth}, numbers as numbers, boolean attributes bare, form values uncontrolled
 * ({@code defaultValue}/{@code defaultChecked}), styles as objects, local URLs pointed at {@code public/}
 * and links to other pages at their routes. What React's types do not know is passed through an untyped
 * spread; what React cannot render at all ({@code on*} handlers, {@code javascript:} URLs, names the DOM
 * rejects) goes to {@code data-legacy-attrs}, which the page's runtime restores after hydration.
 * Thread-safe (stateless; state lives in {@link PageState}).
 */
final class AttributeMapper {
    static final String LEGACY_ATTRIBUTE = "data-legacy-attrs";
    private static final Pattern JSX_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern DOM_NAME = Pattern.compile("[A-Za-z_:][A-Za-z0-9_.:-]*");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "poster", "action", "formaction", "data",
            "background", "xlink:href", "longdesc", "manifest", "icon");
    private static final Set<String> READ_ONLY_VALUE_TYPES = Set.of("button", "checkbox", "image", "hidden", "radio", "reset", "submit");
    private static final Set<String> REACT_RESERVED = Set.of("key", "ref", "children", "dangerouslysetinnerhtml");

    private AttributeMapper() {
    }

    /** The JSX attributes for the element, each with a leading space; {@code reactTag} is the tag written. */
    static String render(Element element, String reactTag, boolean knownTag, PageState page) {
        List<String> props = new ArrayList<>();
        Map<String, String> untyped = new LinkedHashMap<>();
        Map<String, String> mismatched = new LinkedHashMap<>();
        Map<String, String> legacy = new LinkedHashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        String tag = element.normalName();
        for (Attribute attribute : element.attributes()) {
            String name = attribute.getKey().toLowerCase(Locale.ROOT);
            String value = attribute.getValue();
            if (isEventHandler(name) || REACT_RESERVED.contains(name) || !DOM_NAME.matcher(name).matches()
                    || URL_ATTRIBUTES.contains(name) && value.strip().toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                legacy.put(attribute.getKey(), value);
                if (name.equals("href")) {
                    props.add(" href=\"#\"");
                }
                continue;
            }
            if (name.equals("selected") && tag.equals("option")) {
                continue;
            }
            if (name.startsWith("xmlns:") && !name.equals("xmlns:xlink")) {
                page.dropped(element, "<" + tag + "> " + name + " (namespace declarations have no effect in HTML)");
                continue;
            }
            String prop = one(element, reactTag, knownTag, name, mapValue(element, name, value, page), page, untyped, mismatched);
            if (prop != null) {
                String propName = prop.substring(0, prop.contains("=") ? prop.indexOf('=') : prop.length());
                if (seen.add(propName)) {
                    props.add(" " + prop);
                }
            }
        }
        return String.join("", props) + spread(untyped, mismatched) + legacy(element, legacy, page);
    }

    /** Attributes React's types do not allow, passed through an untyped spread (cast when a known prop mismatches). */
    private static String spread(Map<String, String> untyped, Map<String, String> mismatched) {
        if (untyped.isEmpty() && mismatched.isEmpty()) {
            return "";
        }
        Map<String, String> all = new LinkedHashMap<>(untyped);
        all.putAll(mismatched);
        return " {..." + (mismatched.isEmpty() ? objectLiteral(all) : "(" + objectLiteral(all) + " as {})") + "}";
    }

    /** Attributes React cannot render, kept as JSON for the runtime to restore. */
    private static String legacy(Element element, Map<String, String> legacy, PageState page) {
        if (legacy.isEmpty()) {
            return "";
        }
        page.usesLegacyAttributes = true;
        page.changed(element, "<" + element.normalName() + "> " + String.join(", ", legacy.keySet())
                + " cannot be rendered by React; restored by the page runtime after hydration");
        return " " + LEGACY_ATTRIBUTE + "={" + Json.quote(mapOf(legacy).toString()) + "}";
    }

    private static String one(Element element, String reactTag, boolean knownTag, String name, String value, PageState page,
            Map<String, String> untyped, Map<String, String> mismatched) {
        String tag = element.normalName();
        if (name.equals("style")) {
            StyleParser.Result style = StyleParser.toObject(value, css -> CssUrls.rewrite(css, page.urls, page.base));
            style.notes().forEach(note -> page.changed(element, "<" + tag + " style>: " + note));
            page.usesCssProperties = true;
            return "style={" + style.objectLiteral() + " as CSSProperties}";
        }
        if (name.startsWith("data-")) {
            return JSX_NAME.matcher(name).matches() ? name + "=" + string(value) : untypedPut(untyped, name, value);
        }
        if (!knownTag) {
            String jsxName = name.equals("class") ? "className" : name;
            return JSX_NAME.matcher(jsxName).matches() ? jsxName + "=" + string(value) : untypedPut(untyped, name, value);
        }
        String formProp = formProp(element, tag, name);
        ReactProps.Prop prop = ReactProps.get().prop(reactTag, name);
        if (formProp != null) {
            return formProp.equals("defaultChecked") ? formProp : formProp + "=" + string(value);
        }
        if (prop == null) {
            page.changed(element, "<" + tag + "> " + name + " is not in React's types for <" + reactTag + ">; passed through untyped");
            // TypeScript does not check hyphenated JSX attribute names, so those can stay attributes.
            return name.contains("-") && JSX_NAME.matcher(name).matches() ? name + "=" + string(value) : untypedPut(untyped, name, value);
        }
        return typed(element, prop, name, value, page, mismatched);
    }

    private static String typed(Element element, ReactProps.Prop prop, String name, String value, PageState page, Map<String, String> mismatched) {
        ReactProps.Type type = prop.type();
        if (type.booleanOnly()) {
            return prop.name();
        }
        if (type.acceptsString(value)) {
            return prop.name() + "=" + string(value);
        }
        if (value.isEmpty() && type.bool() && (prop.name().equals("contentEditable") || prop.name().equals("spellCheck"))) {
            return prop.name();
        }
        if (type.number() && NUMBER.matcher(value.strip()).matches()) {
            return prop.name() + "={" + new BigDecimal(value.strip()).stripTrailingZeros().toPlainString() + "}";
        }
        if (type.bool() && (value.equals("true") || value.equals("false"))) {
            return prop.name() + "={" + value + "}";
        }
        page.changed(element, "<" + element.normalName() + "> " + name + "=\"" + value + "\" does not match the type React's types give "
                + prop.name() + "; passed through untyped");
        mismatched.put(name, value);
        return null;
    }

    /** The uncontrolled-form prop for value/checked on form fields, or null. */
    private static String formProp(Element element, String tag, String name) {
        if (name.equals("checked") && tag.equals("input")) {
            return "defaultChecked";
        }
        if (name.equals("value") && tag.equals("input")
                && !READ_ONLY_VALUE_TYPES.contains(element.attr("type").strip().toLowerCase(Locale.ROOT))) {
            return "defaultValue";
        }
        return null;
    }

    private static String mapValue(Element element, String name, String value, PageState page) {
        String tag = element.normalName();
        if (name.equals("srcset")) {
            return srcset(value, page);
        }
        if (!URL_ATTRIBUTES.contains(name) || value.isBlank()) {
            return value;
        }
        if ((tag.equals("a") || tag.equals("area") || tag.equals("form") || tag.equals("iframe")) && !name.equals("data")) {
            java.util.Optional<String> route = page.urls.pageLink(value, page.base);
            if (route.isPresent()) {
                return route.get();
            }
        }
        String mapped = page.urls.asset(value, page.base);
        if (!UrlMapper.isExternal(value) && page.base.remote() == null && !page.urls.exists(value, page.base)) {
            page.unmapped(element, "<" + tag + " " + name + "=\"" + value + "\"> points at a file the input does not have");
        }
        return mapped;
    }

    private static String srcset(String value, PageState page) {
        List<String> out = new ArrayList<>();
        for (String candidate : value.split(",")) {
            String trimmed = candidate.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int space = trimmed.indexOf(' ');
            String url = space < 0 ? trimmed : trimmed.substring(0, space);
            out.add(page.urls.asset(url, page.base) + (space < 0 ? "" : trimmed.substring(space)));
        }
        return String.join(", ", out);
    }

    static boolean isEventHandler(String name) {
        return name.length() > 2 && name.startsWith("on") && name.chars().skip(2).allMatch(c -> c >= 'a' && c <= 'z');
    }

    private static String untypedPut(Map<String, String> untyped, String name, String value) {
        untyped.put(name, value);
        return null;
    }

    /** A JSX attribute value: a plain string when JSX reads it verbatim, else a JS string expression. */
    static String string(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '&' || c == '\\' || c == '\n' || c == '\r' || c == '{' || c == '}' || c < 0x20 || c == '\u2028' || c == '\u2029') {
                return "{" + Json.quote(value) + "}";
            }
        }
        return "\"" + value + "\"";
    }

    private static String objectLiteral(Map<String, String> values) {
        StringBuilder out = new StringBuilder("{ ");
        boolean first = true;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            out.append(first ? "" : ", ").append(Json.quote(entry.getKey())).append(": ").append(Json.quote(entry.getValue()));
            first = false;
        }
        return out.append(" }").toString();
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode mapOf(Map<String, String> values) {
        com.fasterxml.jackson.databind.node.ObjectNode node = Json.object();
        values.forEach(node::put);
        return node;
    }
}
