package dev.sandboxorchestrator.daytona;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sandboxorchestrator.daytona.internal.DaytonaHttp;
import dev.sandboxorchestrator.daytona.internal.Urls;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Walks {@code GET /sandbox} page by page, following {@code nextCursor} until it is null. Not thread-safe. */
final class SandboxPages implements Iterator<Sandbox> {
    private final ClientContext context;
    private final SandboxQuery query;
    private final Deque<Sandbox> page = new ArrayDeque<>();
    private String cursor;
    private boolean last;

    SandboxPages(ClientContext context, SandboxQuery query) {
        this.context = context;
        this.query = query;
    }

    Stream<Sandbox> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        while (page.isEmpty() && !last) {
            fetch();
        }
        return !page.isEmpty();
    }

    @Override
    public Sandbox next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.removeFirst();
    }

    private void fetch() {
        Urls.Query parameters = new Urls.Query().add("limit", query.pageSize()).add("cursor", cursor);
        if (!query.labels().isEmpty()) {
            parameters.add("labels", Sandboxes.labelsParameter(context, query.labels()));
        }
        query.states().stream().map(SandboxState::wireValue).sorted().forEach(state -> parameters.add("states", state));
        DaytonaHttp http = context.http();
        HttpResponse<byte[]> response = http.send(http.get(context.api("/sandbox" + parameters), context.requestTimeout()), true);
        JsonNode body = http.parse(response);
        JsonNode items = body.get("items");
        if (items == null || !items.isArray()) {
            throw DaytonaHttp.invalid(response, "the response has no 'items' list");
        }
        for (JsonNode item : items) {
            Sandbox sandbox = SandboxJson.sandbox(item);
            if (sandbox == null) {
                throw DaytonaHttp.invalid(response, "a listed sandbox has no 'id'");
            }
            page.addLast(sandbox);
        }
        JsonNode next = body.get("nextCursor");
        String nextCursor = next == null || next.isNull() ? null : next.asText();
        if (nextCursor == null || nextCursor.isEmpty() || nextCursor.equals(cursor)) {
            last = true;
        }
        cursor = nextCursor;
    }
}
