package dev.sandboxorchestrator.daytona;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxorchestrator.core.SandboxOrchestrator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxReaperTest {
    private FakeDaytona fake;
    private DaytonaClient client;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeDaytona();
        client = fake.clientBuilder().build();
        create("fresh", "alice@laptop", "2000000000");
        create("expired", "alice@laptop", "1000");
        create("orphan", "ci-job-17", "2000000000");
        client.sandboxes().create(CreateSandboxRequest.builder().name("not-ours").label(SandboxOrchestrator.LABEL_OWNER, "ci-job-17").build());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        fake.close();
    }

    private void create(String name, String owner, String leaseUntil) {
        client.sandboxes().create(CreateSandboxRequest.builder().name(name).label(DaytonaSandboxProvider.LABEL_MANAGED, "true")
                .label(SandboxOrchestrator.LABEL_OWNER, owner).label(DaytonaSandboxProvider.LABEL_LEASE, leaseUntil).build());
    }

    @Test
    void deletesManagedSandboxesWhoseLeaseExpiredOrWhoseOwnerIsGone() {
        List<SandboxReaper.Reaped> reaped = SandboxReaper.builder(client).ownerGone(owner -> owner.startsWith("ci-"))
                .clock(Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC)).build().reap();

        assertThat(reaped).extracting(SandboxReaper.Reaped::name, SandboxReaper.Reaped::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("expired", "its lease expired at 1970-01-01T00:16:40Z"),
                org.assertj.core.groups.Tuple.tuple("orphan", "its owner ci-job-17 is gone"));
        assertThat(fake.sandboxes.values()).extracting(sandbox -> sandbox.name).containsExactlyInAnyOrder("fresh", "not-ours");
    }

    @Test
    void dryRunReportsWithoutDeleting() {
        List<SandboxReaper.Reaped> reaped = SandboxReaper.builder(client).dryRun(true).build().reap();

        assertThat(reaped).extracting(SandboxReaper.Reaped::name).containsExactly("expired");
        assertThat(fake.sandboxes).hasSize(4);
    }
}
