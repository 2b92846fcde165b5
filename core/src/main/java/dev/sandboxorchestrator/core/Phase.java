package dev.sandboxorchestrator.core;

import java.util.Locale;

/** The steps of the pipeline, in the order the orchestrator runs them. */
public enum Phase {
    VALIDATE, GENERATE, CONVERT, CREATE, UPLOAD, INSTALL, BUILD, REPAIR, START, READY,
    /** Lifecycle operations on an existing sandbox. */
    STOP, DELETE, REFINE;

    /** The lower-case name used in messages and events, e.g. {@code "build"}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
