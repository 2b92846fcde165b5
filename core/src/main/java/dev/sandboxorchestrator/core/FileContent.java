package dev.sandboxorchestrator.core;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The content of one project file: UTF-8 text or raw bytes, as declared. Text is checked when the code is
 * validated: it must be valid UTF-8 without NUL characters.
 */
public final class FileContent {
    private final byte[] bytes;
    private final boolean text;

    private FileContent(byte[] bytes, boolean text) {
        this.bytes = bytes;
        this.text = text;
    }

    /** Text content, stored as UTF-8. */
    public static FileContent text(String text) {
        return new FileContent(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8), true);
    }

    /** Binary content (images, fonts); the array is copied. */
    public static FileContent bytes(byte[] bytes) {
        return new FileContent(Objects.requireNonNull(bytes, "bytes").clone(), false);
    }

    /** Whether this was declared as text. */
    public boolean isText() {
        return text;
    }

    /** The content as UTF-8 text (for binary content, decoded leniently). */
    public String asString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A copy of the raw bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** The size in bytes. */
    public int size() {
        return bytes.length;
    }

    /** Why declared text is not valid text, or {@code null} when it is (or is binary). */
    String textProblem() {
        if (!text) {
            return null;
        }
        for (byte b : bytes) {
            if (b == 0) {
                return "declared as text but contains a NUL character";
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return null;
        } catch (CharacterCodingException e) {
            return "declared as text but is not valid UTF-8";
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileContent that && text == that.text && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + Boolean.hashCode(text);
    }

    @Override
    public String toString() {
        return (text ? "text" : "bytes") + "[" + bytes.length + " bytes]";
    }
}
