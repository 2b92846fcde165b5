package dev.sandboxorchestrator.daytona;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sandboxorchestrator.core.SandboxOrchestratorException;
import dev.sandboxorchestrator.core.ServiceException;
import dev.sandboxorchestrator.daytona.internal.DaytonaHttp;
import dev.sandboxorchestrator.daytona.internal.Urls;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Snapshots: find one by name, build one from a Dockerfile (Daytona's declarative image build), list by name,
 * delete, wait until usable. Obtained from {@link DaytonaClient#snapshots()}; thread-safe.
 *
 * <pre>{@code
 * Snapshot snapshot = client.snapshots().createFromDockerfile("my-node", "FROM node:20-bookworm\n");
 * client.snapshots().waitUntilActive("my-node", Duration.ofMinutes(10));
 * }</pre>
 */
public final class Snapshots {
    private final ClientContext context;
    private final DaytonaHttp http;

    Snapshots(ClientContext context) {
        this.context = context;
        this.http = context.http();
    }

    /** The snapshot with this name or id, or empty when there is none. */
    public Optional<Snapshot> find(String nameOrId) {
        try {
            HttpResponse<byte[]> response = http.send(http.get(context.api("/snapshots/" + Urls.segment(nameOrId)), context.requestTimeout()), true);
            return Optional.of(parse(http.parse(response), response));
        } catch (ServiceException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Starts building a snapshot from a Dockerfile; returns at once (see {@link #waitUntilActive}). */
    public Snapshot createFromDockerfile(String name, String dockerfile) {
        Map<String, Object> body = Map.of("name", name, "buildInfo", Map.of("dockerfileContent", dockerfile));
        HttpResponse<byte[]> response = http.send(http.postJson(context.api("/snapshots"), body, context.requestTimeout()), false);
        return parse(http.parse(response), response);
    }

    /** Snapshots whose name contains {@code name}, most recently used first. */
    public List<Snapshot> search(String name, int limit) {
        String query = new Urls.Query().add("name", name).add("limit", limit).add("sort", "lastUsedAt").add("order", "desc").toString();
        HttpResponse<byte[]> response = http.send(http.get(context.api("/snapshots" + query), context.requestTimeout()), true);
        List<Snapshot> found = new ArrayList<>();
        for (JsonNode item : http.parse(response).path("items")) {
            found.add(parse(item, response));
        }
        return found;
    }

    public boolean delete(String id) {
        try {
            http.send(http.delete(context.api("/snapshots/" + Urls.segment(id)), context.requestTimeout()), true);
            return true;
        } catch (ServiceException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Polls until the snapshot is active; fails at once when its build failed. */
    public Snapshot waitUntilActive(String name, Duration timeout) {
        return context.poller().until(null, "Daytona snapshot " + name + " to be active", timeout, () -> {
            Snapshot snapshot = find(name).orElseThrow(() -> new SandboxOrchestratorException("Daytona snapshot " + name + " does not exist"));
            if (snapshot.isFailed()) {
                throw new SandboxOrchestratorException("Daytona snapshot " + name + " failed to build"
                        + (snapshot.errorReason() == null ? "" : ": " + snapshot.errorReason()));
            }
            return snapshot.isActive() ? Optional.of(snapshot) : Optional.empty();
        }, null);
    }

    private static Snapshot parse(JsonNode node, HttpResponse<?> response) {
        String name = SandboxJson.text(node, "name");
        if (name == null) {
            throw DaytonaHttp.invalid(response, "a snapshot has no 'name'");
        }
        return new Snapshot(SandboxJson.text(node, "id"), name, SandboxJson.text(node, "state"), SandboxJson.text(node, "errorReason"));
    }
}
