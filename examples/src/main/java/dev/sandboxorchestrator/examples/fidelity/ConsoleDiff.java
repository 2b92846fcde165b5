package dev.sandboxorchestrator.examples.fidelity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Console errors the converted page has and the original has not. Messages are compared after normalising
 * what legitimately differs between the two servers: the loopback origin and port, and the script location
 * Chromium prefixes to script messages ({@code "<url> 12:5 message"}), since bundling moves code. Entries are
 * matched as a multiset: an error that occurs twice in the converted page and once in the original counts once.
 */
final class ConsoleDiff {
    private static final Pattern LOCAL_ORIGIN = Pattern.compile("https?://(127\\.0\\.0\\.1|localhost)(:\\d+)?");
    private static final Pattern SCRIPT_LOCATION = Pattern.compile("^\\S+ \\d+:\\d+ (.*)$", Pattern.DOTALL);

    private ConsoleDiff() {
    }

    static String normalise(String message) {
        Matcher script = SCRIPT_LOCATION.matcher(message.strip());
        String text = script.matches() ? script.group(1) : message.strip();
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
            if (seen.getOrDefault(key, 0) > 0) {
                seen.merge(key, -1, Integer::sum);
            } else {
                added.add(message);
            }
        }
        return added;
    }
}
