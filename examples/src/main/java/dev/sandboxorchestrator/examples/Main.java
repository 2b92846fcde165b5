package dev.sandboxorchestrator.examples;

import dev.sandboxorchestrator.examples.cli.Cli;

/** Entry point of the {@code ./sandbox} program; see {@link Cli}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new Cli(System.out, System.err, System.getenv()).run(args));
    }
}
