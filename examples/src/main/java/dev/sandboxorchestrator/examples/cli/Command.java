package dev.sandboxorchestrator.examples.cli;

/** One command of the {@code ./sandbox} program. */
interface Command {
    String name();

    /** One line for the command list. */
    String summary();

    /** The full help text: usage line, arguments, options. */
    String help();

    /** Runs the command; returns the exit status. Exceptions are reported by {@link Cli} as one-line errors. */
    int run(Args args, Context context) throws Exception;
}
