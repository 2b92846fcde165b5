package dev.sandboxorchestrator.examples.server;

import dev.sandboxorchestrator.core.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API tokens the server accepts and the owner each one stands for, read from {@code owner=token} pairs
 * (comma- or newline-separated; {@code #} starts a comment line). An owner may have several tokens, for
 * rotation. Presented tokens are compared in constant time against every known token, so timing tells
 * nothing about which one nearly matched. Immutable and thread-safe; {@link #toString()} names owners only.
 *
 * <pre>{@code
 * ApiTokens tokens = ApiTokens.parse("alice=3f9a8c1e5d7b2a4c6e8f0a1b, bob=9d8c7b6a5f4e3d2c1b0a9f8e");
 * Optional<String> owner = tokens.ownerOf(presentedToken);
 * }</pre>
 */
public final class ApiTokens {
    /** The variable with {@code owner=token} pairs, comma-separated. */
    public static final String ENV = "SANDBOX_API_TOKENS";
    /** The variable naming a file of {@code owner=token} lines. */
    public static final String FILE_ENV = "SANDBOX_API_TOKENS_FILE";
    /** Shorter tokens are refused: they could be guessed. */
    public static final int MIN_TOKEN_LENGTH = 16;

    static final String HOW_TO_CONFIGURE = "Set " + ENV + " to comma-separated owner=token pairs, for example "
            + ENV + "=\"alice=$(openssl rand -hex 24)\", or " + FILE_ENV + " to a file with one owner=token per line."
            + " Tokens must be at least " + MIN_TOKEN_LENGTH + " characters; owners are 1-63 letters, digits, '.', '_' or '-'.";

    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private record Entry(String owner, byte[] digest) {
    }

    private final List<Entry> entries;
    private final Set<String> owners;

    private ApiTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        Set<String> names = new LinkedHashSet<>();
        entries.forEach(entry -> names.add(entry.owner()));
        this.owners = Set.copyOf(names);
    }

    /**
     * Parses {@code owner=token} pairs.
     *
     * @throws InvalidInputException naming the bad pair by its position (never showing a token), or when there is none
     */
    public static ApiTokens parse(String pairs) {
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        int position = 0;
        for (String line : (pairs == null ? "" : pairs).split("\\R")) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            for (String pair : line.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                position++;
                int equals = pair.indexOf('=');
                String owner = equals < 0 ? "" : pair.substring(0, equals).strip();
                String token = equals < 0 ? "" : pair.substring(equals + 1).strip();
                if (!OWNER.matcher(owner).matches() || token.length() < MIN_TOKEN_LENGTH) {
                    throw new InvalidInputException(ENV, "entry " + position + " is not owner=token with a valid owner and a token of at least "
                            + MIN_TOKEN_LENGTH + " characters. " + HOW_TO_CONFIGURE);
                }
                if (!seen.add(token)) {
                    throw new InvalidInputException(ENV, "entry " + position + " repeats a token already given; every token must be unique");
                }
                entries.add(new Entry(owner, digest(token)));
            }
        }
        if (entries.isEmpty()) {
            throw new InvalidInputException(ENV, "no API tokens are configured, so the server would let nobody in. " + HOW_TO_CONFIGURE);
        }
        return new ApiTokens(entries);
    }

    /** Tokens from {@link #ENV}, or else from the file {@link #FILE_ENV} names. */
    public static ApiTokens fromEnv(Map<String, String> env) {
        String pairs = env.get(ENV);
        if (pairs != null && !pairs.isBlank()) {
            return parse(pairs);
        }
        String file = env.get(FILE_ENV);
        if (file != null && !file.isBlank()) {
            try {
                return parse(Files.readString(Path.of(file), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new InvalidInputException(FILE_ENV, "could not read " + file + ": " + e.getMessage());
            }
        }
        return parse("");
    }

    /** The owner of the presented token, in time that does not depend on how much of it matched. */
    public Optional<String> ownerOf(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        byte[] digest = digest(presented);
        String found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest)) {
                found = entry.owner();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The owners that have tokens. */
    public Set<String> owners() {
        return owners;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "ApiTokens[owners=" + new java.util.TreeSet<>(owners) + ", tokens=" + entries.size() + " hidden]";
    }
}
