package dev.sandboxorchestrator.generator.claude.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.function.Predicate;

/**
 * Splits a server-sent event stream into events as the WHATWG rules say: lines end in LF, CRLF or CR; a blank
 * line ends an event; {@code :} starts a comment; {@code data:} lines join with LF; one space after the colon is
 * dropped; other fields are ignored; an event without data is not delivered, nor is an unfinished one at the end.
 * One parser per stream. Not API.
 */
final class SseParser {
    /** One event: its name ({@code message} when the stream gave none) and its data. */
    record Event(String name, String data) {
    }

    private SseParser() {
    }

    /** Delivers events to {@code sink} until the stream ends or {@code sink} returns false. */
    static void parse(Reader reader, Predicate<Event> sink) throws IOException {
        BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        String name = null;
        StringBuilder data = null;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isEmpty()) {
                if (data != null && !sink.test(new Event(name == null ? "message" : name, data.toString()))) {
                    return;
                }
                name = null;
                data = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("event")) {
                name = value;
            } else if (field.equals("data")) {
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
    }
}
