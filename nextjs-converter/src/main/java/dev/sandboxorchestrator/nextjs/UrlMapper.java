package dev.sandboxorchestrator.nextjs;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps the URLs a page or stylesheet references to where they live in the converted project: local files are
 * served from {@code public/} at the same path (so {@code ../img/a.png} from {@code css/site.css} becomes
 * {@code /img/a.png}), links to input pages become their routes, remote and special URLs stay as they are.
 * Thread-safe (immutable).
 */
final class UrlMapper {
    /** What relative URLs are resolved against: a folder of the site, or a remote base from {@code <base href>}. */
    record Base(String folder, URI remote) {
        static Base folder(String folder) {
            return new Base(folder, null);
        }
    }

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);

    private final Set<String> inputFiles;
    private final Map<String, String> pageRoutes;

    UrlMapper(Set<String> inputFiles, Map<String, String> pageRoutes) {
        this.inputFiles = inputFiles;
        this.pageRoutes = pageRoutes;
    }

    /** Whether the URL points outside the site (a scheme, protocol-relative) or nowhere (fragment, empty). */
    static boolean isExternal(String url) {
        String trimmed = url.strip();
        return trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("//") || SCHEME.matcher(trimmed).matches();
    }

    /** The site path (no leading slash) a local URL resolves to, or empty for external URLs and escapes. */
    Optional<String> sitePath(String url, Base base) {
        String trimmed = url.strip();
        if (base.remote() != null && !trimmed.startsWith("/") || isExternal(trimmed)) {
            return Optional.empty();
        }
        String path = pathPart(trimmed);
        return Optional.ofNullable(Paths.resolveUrl(trimmed.startsWith("/") ? "" : base.folder(), path));
    }

    /** The URL to use in the converted project for an asset reference. */
    String asset(String url, Base base) {
        String trimmed = url.strip();
        if (base.remote() != null && !isExternal(trimmed) && !trimmed.startsWith("/")) {
            return base.remote().resolve(trimmed).toString();
        }
        Optional<String> path = sitePath(trimmed, base);
        return path.map(site -> "/" + site + suffix(trimmed)).orElse(url);
    }

    /** Whether a local URL points at a file the input has. */
    boolean exists(String url, Base base) {
        return sitePath(url, base).map(path -> inputFiles.contains(decode(path))).orElse(true);
    }

    /** The route (with query and fragment) when the URL links to one of the input's pages. */
    Optional<String> pageLink(String url, Base base) {
        String trimmed = url.strip();
        Optional<String> path = sitePath(trimmed, base);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        String decoded = decode(path.get());
        String route = pageRoutes.get(decoded);
        if (route == null) {
            String folder = decoded.isEmpty() ? "" : decoded + "/";
            route = pageRoutes.get(folder + "index.html");
            if (route == null) {
                route = pageRoutes.get(folder + "index.htm");
            }
        }
        return Optional.ofNullable(route).map(found -> found + suffix(trimmed));
    }

    static String decode(String path) {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }

    private static String pathPart(String url) {
        int cut = firstOf(url, '?', '#');
        return cut < 0 ? url : url.substring(0, cut);
    }

    private static String suffix(String url) {
        int cut = firstOf(url, '?', '#');
        return cut < 0 ? "" : url.substring(cut);
    }

    private static int firstOf(String text, char a, char b) {
        int first = text.indexOf(a);
        int second = text.indexOf(b);
        if (first < 0) {
            return second;
        }
        return second < 0 ? first : Math.min(first, second);
    }
}
