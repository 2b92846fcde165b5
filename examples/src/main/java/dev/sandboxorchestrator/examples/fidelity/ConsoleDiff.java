package dev.sandboxorchestrator.examples.fidelity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Console errors the converted page has and the original has not. Messages are compared after normalising
 * what legitimately differs between the two servers: the loopback origin and port, the script location Chromium
 * prefixes to script messages ({@code "<url> 12:5 message"}), since bundling moves code, and the wrapping of an
 * error (an uncaught {@code "Uncaught ReferenceError: x"} and the same error caught and logged with its stack
 * match). The browser's own request for {@code /favicon.ico} is ignored: it is not the page's and its 404 is
 * logged at random times. Entries are matched as a multiset: an error that occurs twice in the converted page and
 * once in the original counts once.
 */
final class ConsoleDiff {
    private static final Pattern LOCAL_ORIGIN = Pattern.compile("https?://(127\\.0\\.0\\.1|localhost)(:\\d+)?");
    private static final Pattern SCRIPT_LOCATION = Pattern.compile("^\\S+ \\d+:\\d+ (.*)$");
    private static final Pattern FAVICON = Pattern.compile("^LOCAL/favicon\\.ico - Failed to load resource.*");

    private ConsoleDiff() {
    }

    static String normalise(String message) {
        String first = message.strip().lines().findFirst().orElse("");
        Matcher script = SCRIPT_LOCATION.matcher(first);
        String text = script.matches() ? script.group(1) : first;
        text = text.startsWith("Uncaught ") ? text.substring("Uncaught ".length()) : text;
        return LOCAL_ORIGIN.matcher(text).replaceAll("LOCAL");
    }

    static List<String> newErrors(List<String> original, List<String> converted) {
        Map<String, Integer> seen = new HashMap<>();
        for (String message : original) {
            seen.merge(normalise(message), 1, Integer::sum);
        }
        List<String> added = new ArrayList<>();
        for (String message : converted) {
            String key = normalise(message);
            if (FAVICON.matcher(key).matches()) {
                continue;
            }
            if (seen.getOrDefault(key, 0) > 0) {
                seen.merge(key, -1, Integer::sum);
            } else {
                added.add(message);
            }
        }
        return added;
    }
}
