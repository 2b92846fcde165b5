package dev.sandboxorchestrator.generator.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a prompt is about: "Create a modern landing page for a coffee subscription" → "Coffee Subscription". */
final class Subject {
    private static final Pattern FOR = Pattern.compile("\\b(?:for|about|of|called|named)\\s+(?:an?\\s+|the\\s+|my\\s+|our\\s+)?(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> FILLER = Set.of("create", "build", "make", "generate", "design", "write", "please", "me",
            "a", "an", "the", "my", "our", "modern", "simple", "beautiful", "clean", "nice", "sleek", "responsive", "minimal",
            "landing", "page", "website", "site", "web", "app", "application", "homepage", "home", "one-page", "single-page", "with", "and");
    private static final int MAX_WORDS = 6;

    private Subject() {
    }

    static String of(String prompt) {
        String text = prompt.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        Matcher matcher = FOR.matcher(text);
        String candidate = matcher.find() ? matcher.group(1) : text;
        candidate = candidate.split("[.!?;:,]| with | that | which ", 2)[0];
        List<String> words = new ArrayList<>();
        for (String word : candidate.split("\\s+")) {
            String clean = word.replaceAll("[^\\p{L}\\p{N}&'-]", "");
            if (!clean.isEmpty() && (words.size() > 0 || !FILLER.contains(clean.toLowerCase(Locale.ROOT)))) {
                words.add(clean);
            }
        }
        while (!words.isEmpty() && FILLER.contains(words.get(words.size() - 1).toLowerCase(Locale.ROOT))) {
            words.remove(words.size() - 1);
        }
        if (words.isEmpty()) {
            return "Your Product";
        }
        return titleCase(words.subList(0, Math.min(MAX_WORDS, words.size())));
    }

    private static String titleCase(List<String> words) {
        List<String> cased = new ArrayList<>();
        for (String word : words) {
            boolean keepCase = !word.equals(word.toLowerCase(Locale.ROOT)); // "AI", "iPhone"
            cased.add(keepCase ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return String.join(" ", cased);
    }
}
