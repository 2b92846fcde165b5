package dev.sandboxorchestrator.daytona;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sandboxorchestrator.core.Phase;
import dev.sandboxorchestrator.core.SandboxOrchestratorException;
import dev.sandboxorchestrator.core.ServiceException;
import dev.sandboxorchestrator.daytona.internal.DaytonaHttp;
import dev.sandboxorchestrator.daytona.internal.Urls;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The sandbox lifecycle calls of the main API: create (never twice for one call, see {@link #create}), get,
 * list (lazily, page by page), start, stop, delete, auto-stop, activity and labels, and waiting for a state.
 * Obtained from {@link DaytonaClient#sandboxes()}; thread-safe.
 *
 * <pre>{@code
 * Sandbox sandbox = client.sandboxes().create(CreateSandboxRequest.builder().snapshot("daytona-small").build());
 * sandbox = client.sandboxes().waitFor(sandbox.id(), SandboxState.STARTED, Duration.ofMinutes(1));
 * client.sandboxes().delete(sandbox.id());
 * }</pre>
 */
public final class Sandboxes {
    /** The label that tags each create call, so that a retried create can find what the first attempt made. */
    public static final String CREATE_TOKEN_LABEL = "sandbox-orchestrator/create-token";
    /** How many times one {@link #create} call sends {@code POST /sandbox} at most. */
    public static final int CREATE_ATTEMPTS = 3;

    private final ClientContext context;
    private final DaytonaHttp http;

    Sandboxes(ClientContext context) {
        this.context = context;
        this.http = context.http();
    }

    /**
     * Creates a sandbox and returns it as Daytona answered (for a snapshot, Daytona waits up to 30 s for it to
     * start, so it is often already {@code started}). Each call carries a unique {@link #CREATE_TOKEN_LABEL}. When
     * the answer is lost (timeout, dropped connection, 5xx), the sandbox is looked up by that label before the
     * request is sent again, and a lookup that fails stops the retries: one call never makes two sandboxes.
     *
     * @throws ServiceException with Daytona's message when it refuses (e.g. 400 for a bad snapshot name)
     */
    public Sandbox create(CreateSandboxRequest request) {
        String token = UUID.randomUUID().toString();
        var post = http.postJson(context.api("/sandbox"), request.body(context.target(), Map.of(CREATE_TOKEN_LABEL, token)),
                context.createTimeout());
        int attempts = 0;
        for (int round = 1; ; round++) {
            try {
                HttpResponse<byte[]> response = http.send(post, false);
                return parse(response);
            } catch (ServiceException e) {
                attempts += e.attempts();
                boolean answerLost = e.status() == 0 || e.status() >= 500;
                boolean madeByEarlierRound = e.status() == 409 && round > 1;
                if (!answerLost && !madeByEarlierRound) {
                    throw attempts == e.attempts() ? e : withAttempts(e, attempts);
                }
                Optional<Sandbox> made = findCreated(token, e);
                if (made.isPresent()) {
                    return made.get();
                }
                if (madeByEarlierRound || round >= CREATE_ATTEMPTS) {
                    throw withAttempts(e, attempts);
                }
                context.sleeper().sleep(context.createBackoff().delay(round));
            }
        }
    }

    /** The sandbox a lost create made, looked up twice (the list is eventually consistent). */
    private Optional<Sandbox> findCreated(String token, ServiceException cause) {
        SandboxQuery query = SandboxQuery.labels(Map.of(CREATE_TOKEN_LABEL, token)).withPageSize(1);
        try {
            for (int lookup = 1; lookup <= 2; lookup++) {
                Optional<Sandbox> found = list(query).findFirst();
                if (found.isPresent() || lookup == 2) {
                    return found;
                }
                context.sleeper().sleep(context.createBackoff().delay(1));
            }
            return Optional.empty();
        } catch (ServiceException lookupFailed) {
            cause.addSuppressed(lookupFailed);
            throw new SandboxOrchestratorException("Daytona did not answer the create request, and looking for the sandbox"
                    + " it may have made failed too, so it was not sent again (that could make a second sandbox): "
                    + cause.getMessage(), Phase.CREATE, cause);
        }
    }

    /** The sandbox with this id or name. */
    public Sandbox get(String idOrName) {
        return parse(http.send(http.get(path(idOrName, ""), context.requestTimeout()), true));
    }

    /** The sandbox with this id or name, or empty when Daytona does not know it (404). */
    public Optional<Sandbox> find(String idOrName) {
        try {
            return Optional.of(get(idOrName));
        } catch (ServiceException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The sandboxes that match, as a lazy stream: a page is fetched only when the previous one is used up, so
     * {@code list(q).findFirst()} costs one request.
     */
    public Stream<Sandbox> list(SandboxQuery query) {
        return new SandboxPages(context, query).stream();
    }

    /** Asks Daytona to start the sandbox; returns at once (see {@link #start(String, Duration)}). */
    public Sandbox start(String idOrName) {
        return parse(http.send(http.postEmpty(path(idOrName, "/start"), context.requestTimeout()), true));
    }

    /** Starts the sandbox and waits until it is {@code started}. */
    public Sandbox start(String idOrName, Duration timeout) {
        Sandbox sandbox = start(idOrName);
        return sandbox.state() == SandboxState.STARTED ? sandbox : waitFor(sandbox.id(), SandboxState.STARTED, timeout);
    }

    /** Asks Daytona to stop the sandbox ({@code force}: SIGKILL); returns at once. */
    public Sandbox stop(String idOrName, boolean force) {
        String query = force ? new Urls.Query().add("force", true).toString() : "";
        return parse(http.send(http.postEmpty(path(idOrName, "/stop" + query), context.requestTimeout()), true));
    }

    /** Stops the sandbox ({@code force}: SIGKILL) and waits until it is {@code stopped}. */
    public Sandbox stop(String idOrName, boolean force, Duration timeout) {
        Sandbox sandbox = stop(idOrName, force);
        return sandbox.state() == SandboxState.STOPPED ? sandbox : waitFor(sandbox.id(), SandboxState.STOPPED, timeout);
    }

    /** Deletes the sandbox; {@code false} when Daytona did not know it. Does not wait. */
    public boolean delete(String idOrName) {
        try {
            http.send(http.delete(path(idOrName, ""), context.requestTimeout()), true);
            return true;
        } catch (ServiceException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Sets the idle time before Daytona stops the sandbox (whole minutes, rounded up; zero disables it). */
    public Sandbox setAutoStop(String idOrName, Duration interval) {
        int minutes = CreateSandboxRequest.minutes("autoStop", interval);
        return parse(http.send(http.postEmpty(path(idOrName, "/autostop/" + minutes), context.requestTimeout()), true));
    }

    /** Tells Daytona the sandbox is in use now, which restarts its auto-stop timer. */
    public void refreshActivity(String sandboxId) {
        http.send(http.postEmpty(context.api("/sandbox/" + Urls.segment(sandboxId) + "/last-activity"), context.requestTimeout()), true);
    }

    /** Replaces all labels of the sandbox. */
    public Map<String, String> replaceLabels(String idOrName, Map<String, String> labels) {
        var put = http.putJson(path(idOrName, "/labels"), Map.of("labels", labels), context.requestTimeout());
        return SandboxJson.strings(http.sendForJson(put, true).get("labels"));
    }

    /**
     * Polls the sandbox (100 ms, growing to 1 s) until it reaches {@code target}. Fails at once when it reaches
     * {@code error} or {@code build_failed}, or is destroyed while something else was awaited, with Daytona's
     * reason in the message.
     *
     * @throws dev.sandboxorchestrator.core.SandboxTimeoutException after {@code timeout}, naming the last state
     */
    public Sandbox waitFor(String idOrName, SandboxState target, Duration timeout) {
        Phase phase = target == SandboxState.STOPPED ? Phase.STOP : target == SandboxState.STARTED ? Phase.START : null;
        SandboxState[] last = {SandboxState.UNKNOWN};
        return context.poller().until(phase, "Daytona sandbox " + idOrName + " to be " + target.wireValue(), timeout, () -> {
            Sandbox sandbox = get(idOrName);
            last[0] = sandbox.state();
            if (sandbox.state() == target) {
                return Optional.of(sandbox);
            }
            boolean gone = Set.of(SandboxState.DESTROYED, SandboxState.DESTROYING).contains(sandbox.state());
            if (sandbox.state().isFailure() || gone && target != SandboxState.DESTROYED) {
                throw new SandboxOrchestratorException("Daytona sandbox " + idOrName + " is " + sandbox.state().wireValue()
                        + " instead of " + target.wireValue() + sandbox.error().map(reason -> ": " + reason).orElse(""), phase, null);
            }
            return Optional.empty();
        }, () -> "Its last state was " + last[0].wireValue() + ".");
    }

    private java.net.URI path(String idOrName, String rest) {
        return context.api("/sandbox/" + Urls.segment(idOrName) + rest);
    }

    private Sandbox parse(HttpResponse<byte[]> response) {
        Sandbox sandbox = SandboxJson.sandbox(http.parse(response));
        if (sandbox == null) {
            throw DaytonaHttp.invalid(response, "the response is not a sandbox (it has no 'id')");
        }
        return sandbox;
    }

    private static ServiceException withAttempts(ServiceException e, int attempts) {
        return new ServiceException(e.service(), e.status(), e.errorType().orElse(null), e.serviceMessage().orElse(null),
                e.path().orElse(null), e.requestId().orElse(null), attempts, e.retryAfter().orElse(null), e.getCause());
    }

    /** The labels filter as the API wants it: a JSON object in one query parameter. */
    static String labelsParameter(ClientContext context, Map<String, String> labels) {
        try {
            return context.http().json().writeValueAsString(new java.util.TreeMap<>(labels));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("labels cannot be written as JSON", e);
        }
    }

}
