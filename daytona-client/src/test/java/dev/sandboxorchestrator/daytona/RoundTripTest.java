package dev.sandboxorchestrator.daytona;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxorchestrator.core.SandboxOrchestrator;
import dev.sandboxorchestrator.core.SandboxSpec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Counts the HTTP round trips from create to a ready preview (main API, toolbox, WebSocket upgrades and preview
 * probes) for projects of 10 and 100 files: the count must not grow with the file count. The numbers are printed
 * for the README.
 */
class RoundTripTest {

    private record Measured(int roundTrips, Map<String, Long> byRoute) {
    }

    private static Measured deploy(int files, boolean warmDependencies) throws Exception {
        try (FakeDaytona fake = new FakeDaytona(); DaytonaClient client = fake.clientBuilder().build();
             DaytonaSandboxProvider provider = DaytonaSandboxProvider.builder(client).build();
             SandboxOrchestrator orchestrator = SandboxOrchestrator.builder().provider(provider)
                     .converter(new TestProjects.PassThroughConverter()).generator(new TestProjects.FixedGenerator()).stopOnClose(false).build()) {
            if (warmDependencies) {
                String key = DependencySnapshots.key(Map.of("package.json", TestProjects.PACKAGE_JSON.getBytes(StandardCharsets.UTF_8)));
                fake.snapshots.put(DependencySnapshots.NAME_PREFIX + key, "active");
            }
            int before = fake.roundTrips();
            orchestrator.deploy(TestProjects.code(files), SandboxSpec.named("rt-" + files), null);
            Map<String, Long> byRoute = fake.server.requests().stream().collect(Collectors.groupingBy(
                    request -> request.method() + " " + request.path().replaceAll("sbx\\d+", "{id}").replaceAll("cmd-\\d+", "{cmd}")
                            .replaceAll("sandbox-orchestrator-deps-[0-9a-f]+", "{deps}")
                            + (request.isWebSocket() ? " (WebSocket)" : ""), TreeMap::new, Collectors.counting()));
            byRoute.put("GET <preview URL> (readiness probe)", (long) fake.probes.get());
            return new Measured(fake.roundTrips() - before, byRoute);
        }
    }

    @Test
    void roundTripsFromCreateToReadyPreviewDoNotGrowWithTheFileCount() throws Exception {
        Measured ten = deploy(10, false);
        Measured hundred = deploy(100, false);
        Measured warm = deploy(100, true);

        System.out.println("Round trips, create -> ready preview: 10 files " + ten.roundTrips() + ", 100 files " + hundred.roundTrips()
                + ", 100 files with a dependency snapshot " + warm.roundTrips());
        ten.byRoute().forEach((route, count) -> System.out.println("  " + count + "  " + route));
        System.out.println("With a dependency snapshot:");
        warm.byRoute().forEach((route, count) -> System.out.println("  " + count + "  " + route));

        assertThat(hundred.roundTrips()).isEqualTo(ten.roundTrips());
        assertThat(ten.byRoute()).containsEntry("POST /toolbox/{id}/files/bulk-upload", 1L);
        assertThat(ten.roundTrips()).isLessThanOrEqualTo(20);
        String buildSessionExec = "POST /toolbox/{id}/process/session/sandbox-orchestrator/exec";
        assertThat(ten.byRoute()).containsEntry(buildSessionExec, 2L);
        assertThat(warm.byRoute()).containsEntry(buildSessionExec, 1L);
        assertThat(warm.roundTrips()).isLessThan(ten.roundTrips());
    }
}
