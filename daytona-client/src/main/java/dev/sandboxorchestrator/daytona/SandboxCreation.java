package dev.sandboxorchestrator.daytona;

import dev.sandboxorchestrator.core.Resources;
import dev.sandboxorchestrator.core.SandboxSpec;
import dev.sandboxorchestrator.core.ServiceException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a provider's sandbox: from the spec's image or snapshot, else from a dependency snapshot when one is
 * ready (falling back to the base snapshot when Daytona refuses it), labelled, and started; a sandbox that does
 * not start is deleted before the error is thrown. Thread-safe.
 */
final class SandboxCreation {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxCreation.class);

    private final DaytonaClient client;
    private final ProviderSettings settings;
    private final DependencySnapshots dependencies;

    SandboxCreation(DaytonaClient client, ProviderSettings settings, DependencySnapshots dependencies) {
        this.client = client;
        this.settings = settings;
        this.dependencies = dependencies;
    }

    Sandbox create(SandboxSpec spec) {
        Optional<Snapshot> withDependencies = spec.image() == null && settings.dependencySnapshots()
                ? dependencies.forCreate() : Optional.empty();
        Sandbox sandbox;
        try {
            sandbox = client.sandboxes().create(request(spec, withDependencies));
        } catch (ServiceException e) {
            if (withDependencies.isEmpty() || e.status() < 400 || e.status() >= 500) {
                throw e;
            }
            LOG.warn("Creating from dependency snapshot {} failed ({}); using snapshot {}", withDependencies.get().name(),
                    e.getMessage(), settings.snapshot());
            dependencies.markUnusable(withDependencies.get().name());
            sandbox = client.sandboxes().create(request(spec, Optional.empty()));
        }
        if (sandbox.state() == SandboxState.STARTED) {
            return sandbox;
        }
        String id = sandbox.id();
        return SandboxCalls.deleteOnFailure(client, id, () -> client.sandboxes().waitFor(id, SandboxState.STARTED, settings.startTimeout()));
    }

    private CreateSandboxRequest request(SandboxSpec spec, Optional<Snapshot> withDependencies) {
        CreateSandboxRequest.Builder request = CreateSandboxRequest.builder().name(spec.name()).env(spec.environment())
                .labels(ProviderSettings.labels(spec, settings, Instant.now())).isPublic(settings.publicPreview()).autoStop(spec.autoStop());
        settings.autoArchive().ifPresent(request::autoArchive);
        boolean image = spec.image() != null && (spec.image().contains(":") || spec.image().contains("/"));
        if (image) {
            request.image(spec.image()).resources(spec.resources().cpu(), spec.resources().memoryGb(), spec.resources().diskGb());
        } else if (withDependencies.isPresent()) {
            String name = withDependencies.get().name();
            request.snapshot(name).label(DaytonaSandboxProvider.LABEL_DEPENDENCIES, name.substring(DependencySnapshots.NAME_PREFIX.length()));
        } else {
            request.snapshot(spec.image() != null ? spec.image() : settings.snapshot());
        }
        if (!image && !spec.resources().equals(Resources.DEFAULT)) {
            LOG.warn("Daytona sets resources only for image-based sandboxes; {} is ignored for snapshot-based sandbox {}",
                    spec.resources(), spec.name());
        }
        return request.build();
    }
}
