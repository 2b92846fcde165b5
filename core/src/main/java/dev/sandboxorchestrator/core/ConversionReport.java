package dev.sandboxorchestrator.core;

import java.util.List;
import java.util.Objects;

/**
 * What a converter changed, dropped or could not map, per file and line, so nothing it did is silent.
 */
public record ConversionReport(List<Entry> entries) {
    public static final ConversionReport EMPTY = new ConversionReport(List.of());

    /** What happened to one piece of the input. */
    public enum Kind { CHANGED, DROPPED, UNMAPPED, ADDED }

    /**
     * One thing the converter did.
     *
     * @param file the input file it concerns
     * @param line the 1-based line in that file, or 0 when it concerns the whole file
     * @param kind what happened
     * @param message what, in words
     */
    public record Entry(String file, int line, Kind kind, String message) {
        public Entry {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + " " + kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
        }
    }

    public ConversionReport {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    }

    public List<Entry> entries(Kind kind) {
        return entries.stream().filter(entry -> entry.kind() == kind).toList();
    }
}
