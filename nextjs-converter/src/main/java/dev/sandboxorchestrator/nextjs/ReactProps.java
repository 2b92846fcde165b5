package dev.sandboxorchestrator.nextjs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What React's TypeScript types accept on each intrinsic element: the prop names (React's spelling) and the
 * type of each, read from {@code react-props.txt}, which {@code tools/gen-react-props.py} generates from the
 * pinned {@code @types/react}. Used to spell attributes the React way and to know when a value would not
 * type-check. Thread-safe (immutable after loading; flattened interfaces are cached concurrently).
 */
final class ReactProps {
    /** A prop's type: which kinds of values it takes. */
    record Type(boolean anyString, boolean number, boolean bool, Set<String> literals) {
        boolean booleanOnly() {
            return bool && !anyString && !number && literals.isEmpty();
        }

        boolean acceptsString(String value) {
            return anyString || literals.contains(value);
        }
    }

    /** A prop: React's name and its type. */
    record Prop(String name, Type type) {
    }

    /** React-only props that no HTML attribute may turn into. */
    private static final Set<String> REACT_ONLY = Set.of("children", "dangerouslySetInnerHTML", "defaultChecked",
            "defaultValue", "suppressContentEditableWarning", "suppressHydrationWarning", "key", "ref");

    private static final ReactProps INSTANCE = load();

    private final Map<String, String> elementInterface;
    private final Map<String, String> tagCase;
    private final Map<String, List<String>> parents;
    private final Map<String, Map<String, Prop>> declared;
    private final Map<String, Map<String, Prop>> flattened = new ConcurrentHashMap<>();

    private ReactProps(Map<String, String> elementInterface, Map<String, List<String>> parents, Map<String, Map<String, Prop>> declared) {
        this.elementInterface = elementInterface;
        this.parents = parents;
        this.declared = declared;
        Map<String, String> cases = new HashMap<>();
        elementInterface.keySet().forEach(tag -> cases.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag));
        this.tagCase = cases;
    }

    static ReactProps get() {
        return INSTANCE;
    }

    /** The tag as React's types spell it (SVG's camelCase), or null when React's types do not know it. */
    String knownTag(String lowerCaseTag) {
        return tagCase.get(lowerCaseTag);
    }

    /** The prop an HTML attribute maps to on a known tag, or null when the element's type has no such prop. */
    Prop prop(String tag, String attribute) {
        String iface = elementInterface.get(tag);
        if (iface == null) {
            return null;
        }
        Map<String, Prop> props = flattened.computeIfAbsent(iface, this::flatten);
        return props.get(key(attribute));
    }

    private static String key(String attribute) {
        String lower = attribute.toLowerCase(Locale.ROOT);
        if (lower.startsWith("aria-")) {
            return lower;
        }
        return switch (lower) {
            case "class" -> "classname";
            case "for" -> "htmlfor";
            default -> lower.replace("-", "").replace(":", "");
        };
    }

    private Map<String, Prop> flatten(String iface) {
        Map<String, Prop> props = new HashMap<>();
        List<String> order = new ArrayList<>();
        collect(iface.equals("SVG") ? "SVGAttributes" : iface, order);
        for (String name : order) {
            declared.getOrDefault(name, Map.of()).forEach((prop, value) -> {
                if (!REACT_ONLY.contains(prop) && !(prop.startsWith("on") && prop.length() > 2 && Character.isUpperCase(prop.charAt(2)))) {
                    props.putIfAbsent(prop.startsWith("aria-") ? prop : prop.toLowerCase(Locale.ROOT), value);
                }
            });
        }
        return Map.copyOf(props);
    }

    private void collect(String iface, List<String> order) {
        if (order.contains(iface)) {
            return;
        }
        order.add(iface);
        parents.getOrDefault(iface, List.of()).forEach(parent -> collect(parent, order));
    }

    private static ReactProps load() {
        Map<String, String> elements = new HashMap<>();
        Map<String, List<String>> parents = new HashMap<>();
        Map<String, Map<String, Prop>> declared = new HashMap<>();
        try (InputStream in = ReactProps.class.getResourceAsStream("react-props.txt")) {
            if (in == null) {
                throw new IllegalStateException("react-props.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Prop> current = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] parts = line.split(" ", 3);
                switch (parts[0]) {
                    case "E" -> elements.put(parts[1], parts[2]);
                    case "I" -> {
                        parents.put(parts[1], parts[2].equals("-") ? List.of() : List.of(parts[2].split(",")));
                        current = declared.computeIfAbsent(parts[1], name -> new HashMap<>());
                    }
                    case "P" -> {
                        if (current != null) {
                            current.put(parts[1], new Prop(parts[1], type(parts[2])));
                        }
                    }
                    default -> throw new IllegalStateException("react-props.txt: bad line " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReactProps(Map.copyOf(elements), Map.copyOf(parents), declared);
    }

    private static Type type(String encoded) {
        int bar = encoded.indexOf('|');
        String flags = encoded.substring(0, bar);
        String rest = encoded.substring(bar + 1);
        // "S|" has no literals; "|a|b|" allows "a", "b" and the empty string.
        Set<String> literals = rest.isEmpty() ? Set.of() : Set.copyOf(List.of(rest.split("\\|", -1)));
        return new Type(flags.contains("S"), flags.contains("N"), flags.contains("O"), literals);
    }
}
