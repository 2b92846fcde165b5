package dev.sandboxorchestrator.examples.fidelity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How alike two visible texts are. Texts are normalised (whitespace collapsed) and split into words; the
 * similarity is {@code 1 - levenshtein(words) / max(word counts)}, 1.0 for identical texts. The common start and
 * end are skipped first; if what remains is still huge, the word-multiset difference (a lower bound of the edit
 * distance) is used instead, so the measure stays fast on long pages.
 *
 * @param similarity between 0 and 1
 * @param snippet    where they first differ, e.g. {@code …price per | "month" → "mo"}; empty when identical
 */
record TextDiff(double similarity, String snippet) {
    private static final long MAX_CELLS = 40_000_000L;
    private static final int CONTEXT_WORDS = 4;
    private static final int SHOWN_WORDS = 8;

    static String normalise(String text) {
        return text == null ? "" : text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    static TextDiff compare(String first, String second) {
        String[] a = words(normalise(first));
        String[] b = words(normalise(second));
        int prefix = 0;
        while (prefix < a.length && prefix < b.length && a[prefix].equals(b[prefix])) {
            prefix++;
        }
        if (prefix == a.length && prefix == b.length) {
            return new TextDiff(1.0, "");
        }
        int suffix = 0;
        while (suffix < a.length - prefix && suffix < b.length - prefix
                && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
            suffix++;
        }
        String[] midA = Arrays.copyOfRange(a, prefix, a.length - suffix);
        String[] midB = Arrays.copyOfRange(b, prefix, b.length - suffix);
        long distance = (long) midA.length * midB.length > MAX_CELLS ? multisetDistance(midA, midB) : levenshtein(midA, midB);
        double similarity = 1.0 - (double) distance / Math.max(a.length, b.length);
        return new TextDiff(similarity, snippet(a, b, prefix));
    }

    private static String[] words(String text) {
        return text.isEmpty() ? new String[0] : text.split(" ");
    }

    private static int levenshtein(String[] a, String[] b) {
        Map<String, Integer> ids = new HashMap<>();
        int[] x = Arrays.stream(a).mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size())).toArray();
        int[] y = Arrays.stream(b).mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size())).toArray();
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int substitute = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length];
    }

    private static int multisetDistance(String[] a, String[] b) {
        Map<String, Integer> counts = new HashMap<>();
        for (String word : a) {
            counts.merge(word, 1, Integer::sum);
        }
        for (String word : b) {
            counts.merge(word, -1, Integer::sum);
        }
        int onlyA = counts.values().stream().filter(c -> c > 0).mapToInt(Integer::intValue).sum();
        int onlyB = -counts.values().stream().filter(c -> c < 0).mapToInt(Integer::intValue).sum();
        return Math.max(onlyA, onlyB);
    }

    private static String snippet(String[] a, String[] b, int at) {
        List<String> context = new ArrayList<>(Arrays.asList(a).subList(Math.max(0, at - CONTEXT_WORDS), at));
        return (at > CONTEXT_WORDS ? "…" : "") + String.join(" ", context) + " | \"" + span(a, at) + "\" → \"" + span(b, at) + "\"";
    }

    private static String span(String[] words, int from) {
        int to = Math.min(words.length, from + SHOWN_WORDS);
        String text = from >= words.length ? "" : String.join(" ", Arrays.asList(words).subList(from, to));
        return to < words.length ? text + " …" : text;
    }
}
