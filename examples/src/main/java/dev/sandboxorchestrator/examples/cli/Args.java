package dev.sandboxorchestrator.examples.cli;

import dev.sandboxorchestrator.core.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Command-line arguments: positionals, {@code --option value} / {@code --option=value}, and boolean {@code --flags}. */
final class Args {
    private static final Set<String> FLAGS = Set.of("help", "verbose", "keep-failed", "check", "html");

    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();

    static Args parse(List<String> raw) {
        Args args = new Args();
        for (int i = 0; i < raw.size(); i++) {
            String arg = raw.get(i);
            if (arg.equals("-h")) {
                args.options.put("help", "true");
            } else if (arg.equals("--")) {
                args.positionals.addAll(raw.subList(i + 1, raw.size()));
                break;
            } else if (arg.startsWith("--")) {
                String name = arg.substring(2);
                int equals = name.indexOf('=');
                if (equals >= 0) {
                    args.options.put(name.substring(0, equals), name.substring(equals + 1));
                } else if (FLAGS.contains(name)) {
                    args.options.put(name, "true");
                } else if (i + 1 < raw.size()) {
                    args.options.put(name, raw.get(++i));
                } else {
                    throw new InvalidInputException("--" + name, "--" + name + " needs a value");
                }
            } else {
                args.positionals.add(arg);
            }
        }
        return args;
    }

    List<String> positionals() {
        return positionals;
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean flag(String name) {
        return "true".equals(options.get(name));
    }

    /** The single positional argument a command needs, or an error naming it. */
    String required(int index, String name) {
        if (positionals.size() <= index) {
            throw new InvalidInputException(name, name + " is missing");
        }
        return positionals.get(index);
    }

    /** Fails on options this command does not know, so typos are not silently ignored. */
    void allowOnly(Set<String> known) {
        for (String name : options.keySet()) {
            if (!known.contains(name) && !name.equals("help") && !name.equals("verbose")) {
                throw new InvalidInputException("--" + name, "--" + name + " is not an option of this command");
            }
        }
    }
}
