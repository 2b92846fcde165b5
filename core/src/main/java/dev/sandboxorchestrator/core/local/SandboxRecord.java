package dev.sandboxorchestrator.core.local;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** What the local provider keeps about a sandbox in its {@code sandbox.json}, so other processes see it too. */
@JsonIgnoreProperties(ignoreUnknown = true)
record SandboxRecord(String id, String name, String description, Map<String, String> labels, Map<String, String> environment,
        long autoStopSeconds, long createdAtMillis, String state, int previewPort, List<String> startCommand,
        Map<String, String> startEnvironment, long pid, long pidStartedAtMillis) {

    SandboxRecord {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        startCommand = startCommand == null ? List.of() : List.copyOf(startCommand);
        startEnvironment = startEnvironment == null ? Map.of() : Map.copyOf(startEnvironment);
    }

    SandboxRecord withState(String newState, long newPid, long newPidStartedAtMillis) {
        return new SandboxRecord(id, name, description, labels, environment, autoStopSeconds, createdAtMillis, newState, previewPort,
                startCommand, startEnvironment, newPid, newPidStartedAtMillis);
    }

    SandboxRecord withStart(int port, List<String> command, Map<String, String> commandEnvironment) {
        return new SandboxRecord(id, name, description, labels, environment, autoStopSeconds, createdAtMillis, state, port,
                command, commandEnvironment, pid, pidStartedAtMillis);
    }
}
