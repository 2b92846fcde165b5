package dev.sandboxorchestrator.nextjs;

import dev.sandboxorchestrator.core.ConversionReport;
import dev.sandboxorchestrator.core.ConversionReport.Kind;
import java.util.List;

/** Collects what one conversion changed, dropped, added or could not map. Not thread-safe: one per conversion. */
final class Report {
    private final java.util.Set<ConversionReport.Entry> entries = new java.util.LinkedHashSet<>();

    /** Adds an entry; the same entry twice (e.g. a shared stylesheet seen from two pages) is kept once. */
    void add(String file, int line, Kind kind, String message) {
        entries.add(new ConversionReport.Entry(file, Math.max(0, line), kind, message));
    }

    void changed(String file, int line, String message) {
        add(file, line, Kind.CHANGED, message);
    }

    void dropped(String file, int line, String message) {
        add(file, line, Kind.DROPPED, message);
    }

    void unmapped(String file, int line, String message) {
        add(file, line, Kind.UNMAPPED, message);
    }

    void added(String file, String message) {
        add(file, 0, Kind.ADDED, message);
    }

    ConversionReport build() {
        return new ConversionReport(List.copyOf(entries));
    }
}
