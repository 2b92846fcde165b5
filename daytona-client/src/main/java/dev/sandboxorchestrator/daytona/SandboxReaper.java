package dev.sandboxorchestrator.daytona;

import dev.sandboxorchestrator.core.SandboxOrchestrator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and deletes leaked sandboxes: among those a {@link DaytonaSandboxProvider} made (label
 * {@value DaytonaSandboxProvider#LABEL_MANAGED}), the ones whose lease ({@value DaytonaSandboxProvider#LABEL_LEASE})
 * has expired or whose owner ({@code sandbox-orchestrator/owner}) the given test says is gone. Run it on a
 * schedule or at start-up. Thread-safe; holds nothing to close.
 *
 * <pre>{@code
 * List<SandboxReaper.Reaped> reaped = SandboxReaper.builder(client)
 *         .ownerGone(owner -> owner.startsWith("ci-") && !activeJobs.contains(owner))
 *         .build().reap();
 * }</pre>
 */
public final class SandboxReaper {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxReaper.class);

    /** A sandbox the reaper deleted (or would have, in a dry run), and why. */
    public record Reaped(String sandboxId, String name, String reason) {
        public Reaped {
            Objects.requireNonNull(sandboxId, "sandboxId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final DaytonaClient client;
    private final Predicate<String> ownerGone;
    private final Clock clock;
    private final boolean dryRun;

    private SandboxReaper(Builder builder) {
        this.client = builder.client;
        this.ownerGone = builder.ownerGone;
        this.clock = builder.clock;
        this.dryRun = builder.dryRun;
    }

    public static Builder builder(DaytonaClient client) {
        return new Builder(client);
    }

    /** Lists the managed sandboxes and deletes those that are due; returns what it deleted. */
    public List<Reaped> reap() {
        Instant now = clock.instant();
        List<Reaped> reaped = new ArrayList<>();
        client.sandboxes().list(SandboxQuery.labels(Map.of(DaytonaSandboxProvider.LABEL_MANAGED, "true"))).forEach(sandbox -> {
            Optional<String> reason = reason(sandbox, now);
            if (reason.isEmpty()) {
                return;
            }
            if (!dryRun) {
                client.sandboxes().delete(sandbox.id());
            }
            LOG.info("{} sandbox {} ({}): {}", dryRun ? "Would delete" : "Deleted", sandbox.id(), sandbox.name(), reason.get());
            reaped.add(new Reaped(sandbox.id(), sandbox.name(), reason.get()));
        });
        return reaped;
    }

    private Optional<String> reason(Sandbox sandbox, Instant now) {
        String lease = sandbox.labels().get(DaytonaSandboxProvider.LABEL_LEASE);
        Optional<Instant> until = ProviderSettings.leaseUntil(sandbox);
        if (lease != null && until.isEmpty()) {
            LOG.warn("Sandbox {} has an unreadable lease label '{}'; judging it by its owner only", sandbox.id(), lease);
        }
        if (until.isPresent() && until.get().isBefore(now)) {
            return Optional.of("its lease expired at " + until.get());
        }
        String owner = sandbox.labels().get(SandboxOrchestrator.LABEL_OWNER);
        if (owner != null && ownerGone.test(owner)) {
            return Optional.of("its owner " + owner + " is gone");
        }
        return Optional.empty();
    }

    /** Configures a {@link SandboxReaper}: by default only expired leases count, and it deletes. Not thread-safe. */
    public static final class Builder {
        private final DaytonaClient client;
        private Predicate<String> ownerGone = owner -> false;
        private Clock clock = Clock.systemUTC();
        private boolean dryRun;

        private Builder(DaytonaClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** Says whether the owner named by a sandbox's owner label is gone, so its sandboxes may go too. */
        public Builder ownerGone(Predicate<String> test) {
            this.ownerGone = Objects.requireNonNull(test, "test");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Report what would be deleted without deleting it. */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public SandboxReaper build() {
            return new SandboxReaper(this);
        }
    }
}
