package dev.sandboxorchestrator.core;

import java.util.List;
import java.util.Objects;

/**
 * How to run a project: install its dependencies, build it, start it. The start command listens on the
 * port and host given to it in the {@code PORT} and {@code HOST} environment variables; the app counts as
 * ready when {@code readinessPath} answers HTTP 200. {@code dependencyManifests} are the files (e.g.
 * {@code package.json}) whose content keys a dependency cache.
 */
public record RunPlan(Command install, Command build, Command start, int defaultPort, String readinessPath,
        List<String> dependencyManifests) {

    public RunPlan {
        Objects.requireNonNull(install, "install");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(start, "start");
        if (defaultPort < 1 || defaultPort > 65535) {
            throw new IllegalArgumentException("defaultPort out of range: " + defaultPort);
        }
        readinessPath = readinessPath == null || readinessPath.isEmpty() ? "/" : readinessPath;
        if (!readinessPath.startsWith("/")) {
            throw new IllegalArgumentException("readinessPath must start with /: " + readinessPath);
        }
        dependencyManifests = List.copyOf(dependencyManifests == null ? List.of() : dependencyManifests);
    }

    public RunPlan withBuild(Command newBuild) {
        return new RunPlan(install, newBuild, start, defaultPort, readinessPath, dependencyManifests);
    }

    public RunPlan withStart(Command newStart) {
        return new RunPlan(install, build, newStart, defaultPort, readinessPath, dependencyManifests);
    }
}
