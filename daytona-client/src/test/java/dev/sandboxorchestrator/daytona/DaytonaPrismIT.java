package dev.sandboxorchestrator.daytona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sandboxorchestrator.core.ServiceException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contract test: the client's requests against Prism mocks generated from Daytona's own specs
 * ({@code <repo root>/../shared/reference/daytona}, or the {@code daytona.reference.dir} system property), with
 * {@code --errors}, so that a request that breaks the spec is answered with an error. Every exchange must come back
 * 2xx without an {@code sl-violations} header, and Prism's log must hold no validation finding. The spec copies are
 * patched in {@code target/prism} only where the specs' own examples are invalid (see README).
 */
class DaytonaPrismIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PrismServer main;
    private static PrismServer toolbox;
    private static RecordingHttpClient http;
    private static DaytonaClient client;
    private static HttpResponse<String> rejected;

    @BeforeAll
    static void startPrism() throws Exception {
        Assumptions.assumeTrue(onPath("npm") && onPath("node"), "Node.js and npm are not installed, so Prism cannot run here");
        Path reference = referenceDirectory();
        Path work = Files.createDirectories(Path.of("target", "prism").toAbsolutePath());
        Path prism = PrismServer.install(Path.of(System.getProperty("prism.home",
                Path.of(System.getProperty("user.home"), ".cache", "sandbox-orchestrator", "prism-" + PrismServer.VERSION).toString())));
        int toolboxPort = PrismServer.freePort();
        Path mainSpec = patchMainSpec(reference.resolve("openapi.yaml"), work.resolve("openapi.patched.yaml"), toolboxPort);
        Path toolboxSpec = prefixToolboxSpec(reference.resolve("toolbox-swagger.json"), work.resolve("toolbox.prefixed.json"));
        main = PrismServer.start(prism, mainSpec, work.resolve("main.log"), PrismServer.freePort(), "/sandbox?limit=1");
        toolbox = PrismServer.start(prism, toolboxSpec, work.resolve("toolbox.log"), toolboxPort, "/toolbox/readiness/version");
        rejected = sendInvalidCreate();
        awaitLog(work.resolve("main.log"), "autoStopInterval must be integer");
        main.markLog();
        toolbox.markLog();
        http = new RecordingHttpClient();
        client = DaytonaClient.builder().apiKey("prism-test-key").apiUrl(main.url()).target("us").httpClient(http).maxAttempts(1).build();
    }

    @AfterAll
    static void stopPrism() throws Exception {
        if (client != null) {
            client.close();
        }
        if (main != null) {
            main.close();
        }
        if (toolbox != null) {
            toolbox.close();
        }
    }

    @Test
    void lifecycleRequestsPassValidationAgainstTheOfficialSpec() throws IOException {
        int before = http.exchanges.size();
        Sandbox created = client.sandboxes().create(CreateSandboxRequest.builder().snapshot("daytona-small").name("prism-check")
                .env("NODE_ENV", "production").label("app", "gen").isPublic(false).autoStop(Duration.ofHours(1))
                .autoArchive(Duration.ofDays(7)).autoDeleteDisabled().networkBlockAll(false).networkAllowList(List.of("10.0.0.0/8"))
                .domainAllowList(List.of("registry.npmjs.org")).build());
        client.sandboxes().create(CreateSandboxRequest.builder().image("node:20-bookworm").resources(2, 4, 8).build());
        client.sandboxes().get(created.id());
        List<Sandbox> listed = client.sandboxes().list(SandboxQuery.labels(Map.of("app", "gen"))
                .withStates(SandboxState.STARTED, SandboxState.STOPPED).withPageSize(2)).limit(3).toList();
        client.sandboxes().start(created.id());
        client.sandboxes().stop(created.id(), false);
        client.sandboxes().stop(created.id(), true);
        client.sandboxes().setAutoStop(created.id(), Duration.ofMinutes(30));
        client.sandboxes().refreshActivity(created.id());
        client.sandboxes().replaceLabels(created.id(), Map.of("app", "gen", "owner", "alice"));
        client.sandboxes().delete(created.id());

        assertThat(created.id()).isEqualTo("sandbox123");
        assertThat(listed).hasSize(3);
        assertClean(before, 12);
    }

    @Test
    void previewAndSnapshotRequestsPassValidationAgainstTheOfficialSpec() throws IOException {
        int before = http.exchanges.size();
        PreviewUrl preview = client.previews().url("sandbox123", 3000);
        SignedPreviewUrl signed = client.previews().signedUrl("sandbox123", 3000, Duration.ofHours(1));
        client.previews().expire(signed);
        client.snapshots().find("sandbox-orchestrator-deps-0123456789abcdef");
        client.snapshots().createFromDockerfile("sandbox-orchestrator-deps-0123456789abcdef", "FROM node:20-bookworm\nRUN npm install\n");
        client.snapshots().search(DependencySnapshots.NAME_PREFIX, 10);
        client.snapshots().delete("snapshot-id");

        assertThat(preview.token().reveal()).isNotBlank();
        assertClean(before, 7);
    }

    @Test
    void toolboxRequestsPassValidationAgainstTheDaemonSpec() throws IOException {
        Sandbox sandbox = client.sandboxes().get("sandbox123");
        Toolbox tools = client.toolbox(sandbox);
        assertThat(tools.baseUrl()).hasToString(toolbox.url() + "/toolbox/sandbox123");
        int before = http.exchanges.size();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("/home/daytona/app/package.json", "{\"name\":\"app\"}".getBytes(StandardCharsets.UTF_8));
        files.put("/home/daytona/app/app/page.tsx", "export default function Page() { return null; }".getBytes(StandardCharsets.UTF_8));
        tools.uploadFiles(files);
        tools.uploadFile("/home/daytona/app/README.md", "# app".getBytes(StandardCharsets.UTF_8));
        tools.execute("npm install", "/home/daytona/app", Map.of("CI", "1"), Duration.ofMinutes(10));
        tools.createSession("sandbox-orchestrator");
        String commandId = tools.executeAsync("sandbox-orchestrator", "cd /home/daytona/app && sh -c 'npm run build'");
        tools.command("sandbox-orchestrator", commandId);
        tools.logs("sandbox-orchestrator", commandId);
        tools.sessionCommands("sandbox-orchestrator");
        tools.isPortInUse(3000);
        tools.deleteSession("sandbox-orchestrator");

        assertClean(before, 10);
    }

    @Test
    void downloadRequestPassesValidationThoughPrismCannotMockABinaryAnswer() throws IOException {
        Toolbox tools = client.toolbox(client.sandboxes().get("sandbox123"));
        int before = http.exchanges.size();

        assertThatThrownBy(() -> tools.download("/home/daytona/app/package.json"))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.status()).isEqualTo(500));

        assertThat(http.exchanges.subList(before, http.exchanges.size())).singleElement()
                .satisfies(exchange -> assertThat(exchange.violations()).isNull());
        assertThat(toolbox.findings()).allSatisfy(line -> assertThat(line)
                .containsAnyOf("Cannot find serializer for application/octet-stream", "/files/download"));
        assertThat(toolbox.findings()).noneSatisfy(line -> assertThat(line).contains("[VALIDATOR]"));
    }

    @Test
    void prismRejectsARequestThatBreaksTheSpecSoTheChecksAboveCanFail() {
        assertThat(rejected.statusCode()).isEqualTo(422);
        assertThat(rejected.body()).contains("Request body property autoStopInterval must be integer");
    }

    /** A request that breaks the spec, sent before the log mark: proof that Prism validates. */
    private static HttpResponse<String> sendInvalidCreate() throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(main.url() + "/sandbox"))
                .header("Authorization", "Bearer x").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"autoStopInterval\":\"60\",\"public\":\"yes\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitLog(Path log, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.readString(log).contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** The exchanges since {@code before} all succeeded without violations, and Prism logged no finding. */
    private static void assertClean(int before, int expected) throws IOException {
        sleepQuietly(300); // Prism writes its log a moment after it answers
        List<RecordingHttpClient.Exchange> exchanges = http.exchanges.subList(before, http.exchanges.size());
        assertThat(exchanges).as("exchanges").hasSize(expected)
                .allSatisfy(exchange -> {
                    assertThat(exchange.status()).as(exchange.toString()).isBetween(200, 299);
                    assertThat(exchange.violations()).as(exchange.toString()).isNull();
                });
        assertThat(main.findings()).as("main API Prism log").isEmpty();
        assertThat(toolbox.findings().stream().filter(line -> !line.contains("Cannot find serializer")).collect(Collectors.toList()))
                .as("toolbox Prism log").isEmpty();
        System.out.println("Prism validated " + exchanges.size() + " exchanges: " + exchanges);
    }

    private static Path referenceDirectory() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                Path reference = dir.resolve("../shared/reference/daytona").normalize();
                if (Files.isDirectory(reference)) {
                    return reference;
                }
                break;
            }
        }
        String property = System.getProperty("daytona.reference.dir");
        if (property != null && Files.isDirectory(Path.of(property))) {
            return Path.of(property);
        }
        throw new IllegalStateException("Daytona's reference specs were not found at <repo root>/../shared/reference/daytona (from "
                + here + "); set -Ddaytona.reference.dir=/path/to/shared/reference/daytona");
    }

    /**
     * The main spec with its invalid examples fixed (empty {@code buildInfo} and {@code state} strings, preview URLs
     * given as templates) and the example toolbox proxy pointed at the local toolbox mock instead of the real cloud.
     */
    private static Path patchMainSpec(Path original, Path patched, int toolboxPort) throws IOException {
        String spec = Files.readAllLines(original).stream().filter(line -> !line.strip().equals("buildInfo: \"\""))
                .map(line -> line.strip().equals("state: \"\"") ? line.replace("state: \"\"", "state: active") : line)
                .map(line -> line.contains("\"https://{port}-") ? line.replace("{port}", "3000").replace("{sandboxId}", "sandbox123")
                        .replace("{token}", "signedtoken").replace("{proxyDomain}", "proxy.daytona.works") : line)
                .collect(Collectors.joining("\n", "", "\n"))
                .replace("https://proxy.app.daytona.io/toolbox", "http://127.0.0.1:" + toolboxPort + "/toolbox");
        Files.writeString(patched, spec);
        return patched;
    }

    /**
     * The daemon spec under the proxy's {@code /toolbox/{sandboxId}} prefix, with the form fields of a two-file bulk
     * upload declared (the spec declares none, so Prism would refuse any body).
     */
    private static Path prefixToolboxSpec(Path original, Path prefixed) throws IOException {
        ObjectNode spec = (ObjectNode) JSON.readTree(original.toFile());
        ObjectNode paths = JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> path : spec.get("paths").properties()) {
            ObjectNode operations = (ObjectNode) path.getValue();
            operations.properties().forEach(operation -> {
                ArrayNode parameters = JSON.createArrayNode();
                parameters.addObject().put("name", "sandboxId").put("in", "path").put("required", true).put("type", "string");
                if (path.getKey().equals("/files/bulk-upload")) {
                    for (int i = 0; i < 2; i++) {
                        parameters.addObject().put("name", "files[" + i + "].path").put("in", "formData").put("required", true).put("type", "string");
                        parameters.addObject().put("name", "files[" + i + "].file").put("in", "formData").put("required", true).put("type", "file");
                    }
                }
                operation.getValue().path("parameters").forEach(parameters::add);
                ((ObjectNode) operation.getValue()).set("parameters", parameters);
            });
            paths.set("/toolbox/{sandboxId}" + path.getKey(), operations);
        }
        spec.set("paths", paths);
        JSON.writerWithDefaultPrettyPrinter().writeValue(prefixed.toFile(), spec);
        return prefixed;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder(command, "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
