package dev.sandboxorchestrator.examples.cli;

import dev.sandboxorchestrator.examples.server.ServerLauncher;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code serve}: the guide's HTTP API and web page; see {@link ServerLauncher}. */
final class ServeCommand implements Command {
    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "run the guide's HTTP API and a web page (needs SANDBOX_API_TOKENS)";
    }

    @Override
    public String help() {
        return """
                Usage: ./sandbox serve [--host 127.0.0.1] [--port 8080] [--provider local|daytona] [--generator template|claude]
                                       [--rate-limit 120] [--max-body-mb 100] [--cors-origin https://app.example.com]

                Serves the API (POST /api/sandbox/create, GET /api/sandbox, GET|DELETE /api/sandbox/{id},
                POST /api/generate/sandbox, GET /api/sandbox/{id}/events) and a web page at /, until Ctrl-C.
                Every API call needs 'Authorization: Bearer TOKEN'. Tokens come from SANDBOX_API_TOKENS,
                comma-separated owner=token pairs (SANDBOX_API_TOKENS="alice=$(openssl rand -hex 24)"), or from
                the file named by SANDBOX_API_TOKENS_FILE (one owner=token per line). Each owner sees only its
                own sandboxes.

                Options:
                  --host         address to listen on (default 127.0.0.1; anything else exposes the server)
                  --port         port to listen on (default 8080; 0 picks a free one)
                  --rate-limit   requests a minute per owner (default 120)
                  --max-body-mb  largest request body in MB (default 100, the guide's limit)
                  --cors-origin  web origins allowed to call the API from a browser, comma-separated; also
                                 SANDBOX_CORS_ORIGINS. The server's own page is always allowed.
                """;
    }

    @Override
    public int run(Args args, Context context) throws Exception {
        args.allowOnly(ServerLauncher.OPTIONS);
        if (!args.positionals().isEmpty()) {
            throw new dev.sandboxorchestrator.core.InvalidInputException(args.positionals().get(0), "serve takes no arguments, only options");
        }
        Map<String, String> options = new LinkedHashMap<>();
        ServerLauncher.OPTIONS.forEach(name -> args.option(name).ifPresent(value -> options.put(name, value)));
        return ServerLauncher.run(options, context.out(), context.err(), context.env());
    }
}
