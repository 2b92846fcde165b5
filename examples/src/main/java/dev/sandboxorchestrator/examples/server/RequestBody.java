package dev.sandboxorchestrator.examples.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Reads a JSON request body within a size limit: 415 for another content type, 413 past the limit. */
final class RequestBody {
    private RequestBody() {
    }

    static JsonNode json(HttpExchange exchange, long maxBytes) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).strip().matches("application/json\\s*(;.*)?")) {
            throw new ApiError(415, ApiError.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json"
                    + (type == null ? "" : ", not " + type.strip()));
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && parseLength(length) > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return Json.parse(read(exchange.getRequestBody(), maxBytes));
    }

    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw ApiError.invalid("Content-Length is not a number");
        }
    }

    private static byte[] read(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static ApiError tooLarge(long maxBytes) {
        return new ApiError(413, ApiError.TOO_LARGE, "request body is larger than the limit of " + maxBytes + " bytes");
    }
}
