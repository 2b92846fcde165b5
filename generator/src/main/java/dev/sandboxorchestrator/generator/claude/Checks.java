package dev.sandboxorchestrator.generator.claude;

import dev.sandboxorchestrator.core.InvalidInputException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The checks of {@link ClaudeCodeGenerator.Builder}'s settings; each failure names the setting or variable. */
final class Checks {
    private Checks() {
    }

    static Optional<String> present(Map<String, String> env, String variable) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    static URI url(String field, String text) {
        try {
            URI url = new URI(text.strip());
            if (url.isAbsolute() && url.getHost() != null && (url.getScheme().equals("http") || url.getScheme().equals("https"))) {
                return url;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below, with the rule
        }
        throw new InvalidInputException(field, "must be an absolute http or https URL such as https://api.anthropic.com");
    }

    static String modelName(String field, String name) {
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidInputException(field, "must be a model id such as " + ClaudeCodeGenerator.DEFAULT_MODEL + ", not '" + name + "'");
        }
        return name.strip();
    }

    static int tokens(String field, String text) {
        try {
            int tokens = Integer.parseInt(text.strip());
            if (tokens >= 1) {
                return tokens;
            }
        } catch (NumberFormatException e) {
            // reported below, with the rule
        }
        throw new InvalidInputException(field, "must be a whole number of tokens of at least 1, not '" + text + "'");
    }

    static String betaName(String field, String beta) {
        if (beta.isBlank() || beta.contains(",") || beta.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidInputException(field, "must be a beta name such as context-1m-2025-08-07, not '" + beta + "'");
        }
        return beta;
    }

    static Duration positive(String field, Duration duration) {
        Objects.requireNonNull(duration, field);
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidInputException(field, "must be positive, not " + duration);
        }
        return duration;
    }

    static int atLeast(String field, int value, int minimum) {
        if (value < minimum) {
            throw new InvalidInputException(field, "must be at least " + minimum + ", not " + value);
        }
        return value;
    }
}
