package dev.sandboxorchestrator.daytona;

import java.util.Locale;

/**
 * The states Daytona reports for a sandbox (its {@code SandboxState} enum). The enum grows between Daytona
 * versions, so a value this library does not know parses as {@link #UNKNOWN} instead of failing.
 *
 * <pre>{@code
 * if (sandbox.state() == SandboxState.STARTED) { ... }
 * }</pre>
 */
public enum SandboxState {
    CREATING, RESTORING, DESTROYED, DESTROYING, STARTED, STOPPED, STARTING, STOPPING, ERROR, BUILD_FAILED,
    PENDING_BUILD, BUILDING_SNAPSHOT, UNKNOWN, PULLING_SNAPSHOT, ARCHIVED, ARCHIVING, RESIZING, SNAPSHOTTING,
    FORKING, PAUSING, PAUSED, RESUMING;

    /** The state as the API spells it, e.g. {@code build_failed}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the API's spelling; {@code null}, empty and unknown values give {@link #UNKNOWN}. */
    public static SandboxState fromWire(String value) {
        if (value == null || value.isBlank()) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return UNKNOWN;
        }
    }

    /** Whether the sandbox failed ({@code error}, {@code build_failed}): waiting for another state is pointless. */
    public boolean isFailure() {
        return this == ERROR || this == BUILD_FAILED;
    }
}
