package dev.sandboxorchestrator.nextjs;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Adds {@code "use client"} to a ready React file that needs it (it calls client hooks or passes event handlers)
 * but does not say so, as generated code often forgets; Next.js would fail the build. Files that export
 * {@code metadata} or are layouts are left alone (a client component cannot export metadata). Thread-safe.
 */
final class ClientDirective {
    private static final Set<String> CLIENT_ONLY = Set.of("useState", "useEffect", "useReducer", "useLayoutEffect",
            "useRef", "useContext", "useCallback", "useMemo", "useTransition", "useSyncExternalStore", "useOptimistic",
            "useActionState", "useImperativeHandle", "useInsertionEffect", "useDeferredValue", "createContext",
            "useRouter", "usePathname", "useSearchParams", "useParams");
    private static final Pattern HANDLER = Pattern.compile("on[A-Z][A-Za-z]+");
    private static final Pattern DIRECTIVE = Pattern.compile("^(\\s|//[^\\n]*\\n|/\\*.*?\\*/)*[\"']use (client|server)[\"']", Pattern.DOTALL);

    private ClientDirective() {
    }

    /** The code with the directive added, or null when it needs none. */
    static String addIfNeeded(String path, String code) {
        if (!path.matches(".+\\.(tsx|jsx)") || Paths.name(path).startsWith("layout.") || DIRECTIVE.matcher(code).find()) {
            return null;
        }
        Set<String> identifiers = ImportScanner.identifiers(code);
        if (identifiers.contains("metadata") || identifiers.contains("generateMetadata")) {
            return null;
        }
        boolean needs = identifiers.stream().anyMatch(id -> CLIENT_ONLY.contains(id) || HANDLER.matcher(id).matches());
        return needs ? "\"use client\";\n\n" + code : null;
    }
}
