package dev.sandboxorchestrator.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A project ready to run: every file it consists of, how to run it, and the converter's report.
 */
public record Project(Map<String, FileContent> files, RunPlan plan, ConversionReport report) {
    public Project {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(files, "files")));
        Objects.requireNonNull(plan, "plan");
        report = report == null ? ConversionReport.EMPTY : report;
    }

    public Project withPlan(RunPlan newPlan) {
        return new Project(files, newPlan, report);
    }
}
