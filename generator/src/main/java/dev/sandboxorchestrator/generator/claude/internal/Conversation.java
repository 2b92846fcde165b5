package dev.sandboxorchestrator.generator.claude.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sandboxorchestrator.core.InvalidInputException;
import dev.sandboxorchestrator.core.Phase;
import dev.sandboxorchestrator.core.SandboxListener;
import dev.sandboxorchestrator.core.TokenUsage;
import dev.sandboxorchestrator.generator.claude.ClaudeGenerationException;
import dev.sandboxorchestrator.generator.claude.ClaudeGenerationException.Reason;
import dev.sandboxorchestrator.generator.claude.PriceTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries one task to a usable answer: calls the model, continues a turn it paused, asks for the rest of an
 * answer cut off at {@code max_tokens} (keeping only files that arrived complete), applies edits and sends
 * those that do not apply back once, and falls back to fenced code blocks when the model answered in prose.
 * A refusal, an answer that cannot be continued, or output that breaks the schema ends it with a
 * {@link ClaudeGenerationException}. Not thread-safe: one per task. Not API.
 */
public final class Conversation {
    private static final Logger LOG = LoggerFactory.getLogger(Conversation.class);
    static final int MAX_PAUSES = 3;

    private final MessagesClient client;
    private final Settings settings;
    private final Task task;
    private final Emitter events;
    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, String> dependencies = new LinkedHashMap<>();
    private String title = "";
    private String description = "";
    private TokenUsage usage = TokenUsage.NONE;
    private String model;
    private String stopReason;
    private String lastText = "";
    private boolean fallback;
    private boolean editsSentBack;
    private int continuations;
    private int pauses;

    public Conversation(MessagesClient client, Settings settings, Task task, SandboxListener listener, PriceTable prices) {
        this.client = client;
        this.settings = settings;
        this.task = task;
        this.events = new Emitter(listener, task.phase(), prices);
    }

    public Outcome run() {
        List<ObjectNode> messages = new ArrayList<>(List.of(Prompts.user(task.userText())));
        while (true) {
            FileProgress progress = new FileProgress(events, settings.jsonSchemaOutput());
            Message message = call(messages, progress);
            switch (stopReason == null ? "" : stopReason) {
                case "refusal" -> throw refused(message);
                case "pause_turn" -> messages = paused(messages, message);
                case "max_tokens", "model_context_window_exceeded" -> messages = cutOff(message, progress);
                default -> {
                    List<ObjectNode> retry = finished(messages, message);
                    if (retry == null) {
                        return new Outcome(files, title, description, dependencies, usage, model, fallback, continuations,
                                stopReason, lastText);
                    }
                    messages = retry;
                }
            }
        }
    }

    private Message call(List<ObjectNode> messages, FileProgress progress) {
        events.progress("asking " + settings.model() + (settings.streaming() ? " (streaming)" : ""));
        Message message = client.create(Prompts.request(settings, task, messages), progress);
        usage = usage.plus(message.usage());
        model = message.model() != null ? message.model() : settings.model();
        stopReason = message.stopReason();
        lastText = message.text();
        events.usage(message.usage());
        return message;
    }

    private List<ObjectNode> paused(List<ObjectNode> messages, Message message) {
        if (++pauses > MAX_PAUSES) {
            throw failure(Reason.TRUNCATED, "Claude paused its turn " + MAX_PAUSES + " times without finishing it");
        }
        events.progress("Claude paused its turn; continuing it");
        List<ObjectNode> next = new ArrayList<>(messages);
        next.add(Prompts.assistant(message.rawContent()));
        return next;
    }

    /** Keeps the files that arrived complete and asks for the rest, or fails when nothing complete arrived. */
    private List<ObjectNode> cutOff(Message message, FileProgress progress) {
        AppPayload partial;
        try {
            partial = progress.followedAny() ? progress.received() : fenced(message.text(), false);
        } catch (IllegalArgumentException e) {
            throw failure(Reason.INVALID_OUTPUT, "Claude's answer does not fit the " + task.tool() + " schema: " + e.getMessage());
        }
        Resolution resolved = resolve(partial);
        absorb(resolved);
        String cutOff = progress.inProgress();
        if (resolved.files().isEmpty() || continuations >= settings.maxContinuations()) {
            throw failure(Reason.TRUNCATED, "Claude's answer was cut off at the max_tokens limit of " + settings.maxTokens() + " tokens"
                    + (cutOff == null ? "" : " while writing " + cutOff)
                    + (continuations > 0 ? " after " + continuations + " continuation(s)" : "")
                    + (resolved.files().isEmpty() ? " and no file in it was complete" : "")
                    + "; incomplete files are never used. Raise maxTokens (ANTHROPIC_MAX_TOKENS) or ask for a smaller app");
        }
        continuations++;
        events.progress("the answer was cut off at max_tokens after " + resolved.files().size() + " complete file(s)"
                + (cutOff == null ? "" : ", in " + cutOff) + "; asking for the rest");
        return new ArrayList<>(List.of(Prompts.user(Prompts.continuation(task, settings.maxTokens(), files, cutOff, resolved.failures()))));
    }

    /** Takes the answer in; returns the messages for one more call when edits must be sent back, else null. */
    private List<ObjectNode> finished(List<ObjectNode> messages, Message message) {
        List<EditApplier.Failure> failures = new ArrayList<>();
        String failedCall = null;
        for (Part part : parts(message)) {
            Resolution resolved = resolve(part.payload());
            absorb(resolved);
            if (!resolved.failures().isEmpty() && failedCall == null) {
                failedCall = part.toolUseId();
            }
            failures.addAll(resolved.failures());
        }
        if (failures.isEmpty()) {
            return null;
        }
        if (editsSentBack) {
            throw failure(Reason.EDIT_FAILED, "Claude's edits could not be applied, also after they were sent back once: " + failures);
        }
        editsSentBack = true;
        events.progress(failures.size() + " edit(s) could not be applied; sending them back to Claude once");
        Map<String, String> current = new LinkedHashMap<>(task.current());
        current.putAll(files);
        String text = Prompts.editFailures(failures, current, task.tool());
        List<ObjectNode> next = new ArrayList<>(messages);
        next.add(Prompts.assistant(message.rawContent()));
        next.add(message.toolUses().isEmpty() ? Prompts.user(text) : Prompts.user(toolResults(message, failedCall, text)));
        return next;
    }

    private static ArrayNode toolResults(Message message, String failedCall, String text) {
        ArrayNode content = Json.MAPPER.createArrayNode();
        String errorCall = failedCall != null ? failedCall : message.toolUses().get(0).id();
        for (ContentBlock call : message.toolUses()) {
            ObjectNode result = content.addObject().put("type", "tool_result").put("tool_use_id", call.id());
            boolean failed = call.id().equals(errorCall);
            result.put("content", failed ? text : "Applied.");
            if (failed) {
                result.put("is_error", true);
            }
        }
        return content;
    }

    private record Part(String toolUseId, AppPayload payload) {
    }

    /** The payloads of an answer: its calls of our tools, else its JSON text, else the fenced blocks of its prose. */
    private List<Part> parts(Message message) {
        List<Part> parts = new ArrayList<>();
        for (ContentBlock call : message.toolUses()) {
            if (ToolSchemas.NAMES.contains(call.name())) {
                if (call.input() == null) {
                    throw failure(Reason.INVALID_OUTPUT, "Claude's " + call.name() + " call cannot be read: " + call.inputError());
                }
                parts.add(new Part(call.id(), payload(call.input())));
            }
        }
        if (!parts.isEmpty()) {
            return parts;
        }
        String text = message.text();
        if (settings.jsonSchemaOutput() && text.strip().startsWith("{")) {
            try {
                return List.of(new Part(null, payload(Json.MAPPER.readTree(text))));
            } catch (IOException notJson) {
                LOG.debug("The structured answer is not JSON; trying fenced blocks", notJson);
            }
        }
        AppPayload prose = fenced(text, true);
        if (prose.isEmpty() && !message.toolUses().isEmpty()) {
            throw failure(Reason.INVALID_OUTPUT, "Claude called the unknown tool '" + message.toolUses().get(0).name()
                    + "' instead of " + task.tool());
        }
        return List.of(new Part(null, prose));
    }

    private AppPayload fenced(String text, boolean complete) {
        FencedBlockParser.Result found = FencedBlockParser.parse(text, task.format());
        if (!found.files().isEmpty()) {
            fallback = true;
            events.progress("Claude answered in prose" + (complete ? "" : " and was cut off") + "; took " + found.files().size()
                    + " file(s) from its fenced code blocks" + (found.unnamedBlocks() > 0 ? ", skipped " + found.unnamedBlocks()
                    + " block(s) without a file name" : ""));
            LOG.warn("Claude answered in prose instead of calling {}; {} file(s) taken from fenced blocks", task.tool(), found.files().size());
        }
        return new AppPayload(found.files(), List.of(), "", "", Map.of());
    }

    private AppPayload payload(JsonNode input) {
        try {
            return AppPayload.fromJson(input);
        } catch (IllegalArgumentException e) {
            throw failure(Reason.INVALID_OUTPUT, "Claude's answer does not fit the " + task.tool() + " schema: " + e.getMessage());
        }
    }

    private record Resolution(AppPayload payload, Map<String, String> files, List<EditApplier.Failure> failures) {
    }

    /** Checks the paths, maps them onto the current files, and applies the edits. */
    private Resolution resolve(AppPayload payload) {
        Map<String, String> written = new LinkedHashMap<>();
        payload.files().forEach((path, content) -> written.put(checked(path), content));
        List<AppPayload.Edit> edits = new ArrayList<>();
        payload.edits().forEach(edit -> edits.add(new AppPayload.Edit(checked(edit.path()), edit.old(), edit.replacement())));
        Map<String, String> base = new LinkedHashMap<>(task.current());
        base.putAll(files);
        base.putAll(written);
        EditApplier.Result applied = EditApplier.apply(base, edits);
        written.putAll(applied.files());
        return new Resolution(payload, written, applied.failures());
    }

    private void absorb(Resolution resolved) {
        files.putAll(resolved.files());
        AppPayload payload = resolved.payload();
        title = title.isEmpty() ? payload.title() : title;
        description = description.isEmpty() ? payload.description() : description;
        dependencies.putAll(payload.dependencies());
    }

    private String checked(String path) {
        String mapped = ProjectPaths.toCurrent(path, task.current().keySet());
        try {
            ProjectPaths.check(mapped);
            return mapped;
        } catch (InvalidInputException e) {
            throw failure(Reason.INVALID_OUTPUT, "Claude returned a file with an unusable path: " + e.getMessage());
        }
    }

    private ClaudeGenerationException refused(Message message) {
        String category = Json.text(message.stopDetails(), "category");
        String explanation = Json.text(message.stopDetails(), "explanation");
        String what = task.phase() == Phase.GENERATE ? "generate this app" : task.phase() == Phase.REPAIR ? "repair the build" : "make this change";
        return failure(Reason.REFUSED, "Claude declined to " + what + (category == null ? "" : " (refusal category " + category + ")")
                + (explanation == null ? "" : ": " + explanation.strip().replaceAll("[.\\s]+$", "")) + ". Rephrase the request");
    }

    private ClaudeGenerationException failure(Reason reason, String message) {
        return new ClaudeGenerationException(reason, task.phase(), message, usage);
    }
}
