package dev.sandboxorchestrator.core;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A secret value (an API key, a token). {@link #toString()} says only whether it is set, so a secret held
 * in a record or logged by mistake does not leak. Call {@link #reveal()} only where the value is sent.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** A secret, or throws when the value is null or blank. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("secret value is blank");
        }
        return new Secret(value);
    }

    /** The secret in an environment variable, if it is set and not blank. */
    public static Optional<Secret> fromEnv(String variable) {
        return fromNullable(System.getenv(variable));
    }

    public static Optional<Secret> fromNullable(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new Secret(value.strip()));
    }

    public String reveal() {
        return value;
    }

    /** Replaces every occurrence of this secret in {@code text} with {@code ***}. */
    public String redact(String text) {
        return text == null ? null : text.replace(value, "***");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8), that.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[hidden non-blank value]";
    }
}
