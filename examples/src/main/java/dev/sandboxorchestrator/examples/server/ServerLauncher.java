package dev.sandboxorchestrator.examples.server;

import dev.sandboxorchestrator.core.InvalidInputException;
import dev.sandboxorchestrator.core.SandboxListener;
import dev.sandboxorchestrator.core.SandboxOrchestrator;
import dev.sandboxorchestrator.core.spi.CodeGenerator;
import dev.sandboxorchestrator.core.spi.SandboxProvider;
import dev.sandboxorchestrator.examples.cli.Setup;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@code ./sandbox serve}: the guide's HTTP API and its web page on this machine, until Ctrl-C. Tokens come
 * from {@code SANDBOX_API_TOKENS} (or the file {@code SANDBOX_API_TOKENS_FILE}); without any it refuses to
 * start and says how to configure them. The provider and generator are chosen as for every other command.
 * {@link #run} blocks until the JVM shuts down; its shutdown hook closes the server, then the orchestrator and
 * the provider.
 *
 * <pre>{@code
 * int status = ServerLauncher.run(Map.of("port", "8080"), System.out, System.err, System.getenv());
 * }</pre>
 */
public final class ServerLauncher {
    /** Extra CORS origins, comma-separated, in addition to {@code --cors-origin}. */
    public static final String CORS_ENV = "SANDBOX_CORS_ORIGINS";
    public static final Set<String> OPTIONS = Set.of("host", "port", "provider", "generator", "rate-limit", "max-body-mb", "cors-origin");

    private ServerLauncher() {
    }

    /**
     * Runs the server until the process is stopped; returns the exit status.
     *
     * @param options option name (without {@code --}) → value, only names from {@link #OPTIONS}
     * @throws InvalidInputException for a bad option or missing tokens, saying how to fix it
     */
    public static int run(Map<String, String> options, PrintStream out, PrintStream err, Map<String, String> env) throws InterruptedException {
        for (String name : options.keySet()) {
            if (!OPTIONS.contains(name)) {
                throw new InvalidInputException("--" + name, "is not an option of serve");
            }
        }
        ApiTokens tokens = ApiTokens.fromEnv(env);
        Setup setup = new Setup(env);
        ApiServer.Builder builder = ApiServer.builder().tokens(tokens)
                .host(options.getOrDefault("host", ApiServer.DEFAULT_HOST))
                .port(number(options, "port", ApiServer.DEFAULT_PORT))
                .rateLimitPerMinute(number(options, "rate-limit", ApiServer.DEFAULT_RATE_LIMIT_PER_MINUTE))
                .maxBodyBytes(number(options, "max-body-mb", 100) * 1024L * 1024L);
        for (String origin : (options.getOrDefault("cors-origin", "") + "," + env.getOrDefault(CORS_ENV, "")).split(",")) {
            if (!origin.isBlank()) {
                try {
                    builder.corsOrigin(origin);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("--cors-origin", e.getMessage());
                }
            }
        }
        SandboxProvider provider = setup.provider(setup.providerName(Optional.ofNullable(options.get("provider"))));
        CodeGenerator generator = setup.generator(setup.generatorName(Optional.ofNullable(options.get("generator"))));
        SandboxOrchestrator orchestrator = setup.orchestrator(provider, generator, SandboxListener.NONE, false);
        ApiServer server;
        try {
            server = builder.orchestrator(orchestrator).build().start();
        } catch (RuntimeException e) {
            closeAll(null, orchestrator, provider);
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeAll(server, orchestrator, provider);
            stopped.countDown();
        }, "sandbox-serve-shutdown"));
        if (!isLoopback(options.getOrDefault("host", ApiServer.DEFAULT_HOST))) {
            err.println("WARNING: listening on " + options.get("host") + ", reachable from other machines. Put TLS in front of it.");
        }
        out.println("Serving the API and web page on " + server.uri() + " for " + tokens.owners().size() + " owner(s), provider "
                + provider.name() + ", generator " + generator.name() + ". Ctrl-C stops it.");
        stopped.await();
        return 0;
    }

    private static int number(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < (name.equals("port") ? 0 : 1)) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--" + name, "must be a positive whole number, not '" + value + "'");
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void closeAll(ApiServer server, SandboxOrchestrator orchestrator, SandboxProvider provider) {
        try {
            if (server != null) {
                server.close();
            }
            orchestrator.close();
        } finally {
            provider.close();
        }
    }
}
