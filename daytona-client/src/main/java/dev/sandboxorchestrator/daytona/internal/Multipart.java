package dev.sandboxorchestrator.daytona.internal;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code multipart/form-data} body built in memory as a list of chunks (file contents are not copied). The
 * publisher has a known length and can be subscribed again, so a retried request sends the same bytes. Not API.
 */
public final class Multipart {
    private final String boundary;
    private final List<byte[]> chunks = new ArrayList<>();
    private long length;

    public Multipart() {
        this.boundary = "----sandbox-orchestrator-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    /**
     * The daemon's bulk upload: for each file {@code i}, first the text part {@code files[i].path}, then the file
     * part {@code files[i].file} (filename = the destination path). The daemon reads the parts as a stream and
     * needs each path before its file.
     */
    public static Multipart bulkUpload(Map<String, byte[]> files) {
        Multipart body = new Multipart();
        int index = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            body.text("files[" + index + "].path", file.getKey());
            body.file("files[" + index + "].file", file.getKey(), file.getValue());
            index++;
        }
        return body;
    }

    public Multipart text(String name, String value) {
        add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + escape(name) + "\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        add(value.getBytes(StandardCharsets.UTF_8));
        add("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Multipart file(String name, String filename, byte[] content) {
        add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + escape(name) + "\"; filename=\""
                + escape(filename) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        add(content);
        add("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher publisher() {
        List<byte[]> all = new ArrayList<>(chunks);
        all.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        long total = length + all.get(all.size() - 1).length;
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArrays(all), total);
    }

    private void add(byte[] chunk) {
        chunks.add(chunk);
        length += chunk.length;
    }

    /** Quotes and line breaks cannot appear inside a quoted header parameter. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
