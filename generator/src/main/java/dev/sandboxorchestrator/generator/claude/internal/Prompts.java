package dev.sandboxorchestrator.generator.claude.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sandboxorchestrator.core.BuildFailure;
import dev.sandboxorchestrator.core.Diagnostic;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The request bodies and user messages: the cached system prompt and tools first, then the task (generate,
 * repair, refine), and the follow-ups for an answer cut off at {@code max_tokens} or edits that did not apply.
 * Stateless. Not API.
 */
final class Prompts {
    /** Current files shown to the model in all, in characters; diagnosed files are always shown. */
    static final int MAX_SHOWN_CHARS = 400_000;
    private static final int MAX_LOG_CHARS = 6_000;

    private Prompts() {
    }

    static ObjectNode request(Settings settings, Task task, List<ObjectNode> messages) {
        ObjectNode body = Json.object().put("model", settings.model()).put("max_tokens", settings.maxTokens());
        ObjectNode system = body.putArray("system").addObject().put("type", "text")
                .put("text", SystemPrompt.text(task.format(), settings.editThresholdLines(), settings.allowedDependencies()));
        system.putObject("cache_control").put("type", "ephemeral");
        body.putArray("messages").addAll(messages);
        if (settings.jsonSchemaOutput()) {
            body.putObject("output_config").putObject("format").put("type", "json_schema").set("schema", ToolSchemas.schema(task.tool()));
        } else {
            body.set("tools", ToolSchemas.tools());
            ObjectNode choice = body.putObject("tool_choice");
            if (settings.forceToolUse()) {
                choice.put("type", "tool").put("name", task.tool());
            } else {
                choice.put("type", "auto");
            }
        }
        body.put("stream", settings.streaming());
        return body;
    }

    static ObjectNode user(String text) {
        ObjectNode message = Json.object().put("role", "user");
        message.putArray("content").addObject().put("type", "text").put("text", text);
        return message;
    }

    static ObjectNode user(ArrayNode content) {
        ObjectNode message = Json.object().put("role", "user");
        message.set("content", content);
        return message;
    }

    static ObjectNode assistant(ArrayNode content) {
        ObjectNode message = Json.object().put("role", "assistant");
        message.set("content", content);
        return message;
    }

    static String generate(String prompt, String tool) {
        return "Build this app:\n\n<request>\n" + prompt.strip() + "\n</request>\n\nCall " + tool + " once with every file of the app.";
    }

    static String repair(Map<String, String> files, Collection<String> binaryFiles, BuildFailure failure) {
        Set<String> paths = files.keySet();
        StringBuilder text = new StringBuilder("The app below fails to build. Fix the build errors with the smallest change "
                + "that works, keeping the app's design and behaviour.\n\n<build_errors>\n");
        List<Diagnostic> diagnostics = failure.diagnostics();
        for (int i = 0; i < diagnostics.size(); i++) {
            Diagnostic diagnostic = diagnostics.get(i);
            String path = ProjectPaths.toCurrent(diagnostic.file(), paths);
            text.append(i + 1).append(". ").append(new Diagnostic(path, diagnostic.line(), diagnostic.column(), diagnostic.code(),
                    diagnostic.message())).append('\n');
            String source = sourceLine(files.get(path), diagnostic.line());
            if (source != null) {
                text.append("   line ").append(diagnostic.line()).append(": ").append(source).append('\n');
            }
        }
        if (diagnostics.isEmpty()) {
            text.append("(no error could be parsed from the output; see the log)\n");
        }
        String log = failure.logTail();
        text.append("</build_errors>\n\n<build_log>\n").append(log.length() > MAX_LOG_CHARS ? log.substring(log.length() - MAX_LOG_CHARS) : log)
                .append("\n</build_log>\n\n");
        Set<String> diagnosed = diagnostics.stream().map(d -> ProjectPaths.toCurrent(d.file(), paths)).collect(Collectors.toSet());
        appendFiles(text, files, binaryFiles, diagnosed);
        return text.append("Files not shown (package.json, tsconfig.json, next.config.js and other configuration) are generated "
                + "by the build: do not send them; declare a missing package in \"dependencies\".\n\n"
                + "Call apply_changes with only the changes that fix these errors.").toString();
    }

    static String refine(Map<String, String> files, Collection<String> binaryFiles, String request) {
        StringBuilder text = new StringBuilder("Change the app as the user asks:\n\n<change_request>\n").append(request.strip())
                .append("\n</change_request>\n\n");
        appendFiles(text, files, binaryFiles, Set.of());
        return text.append("Call apply_changes with only the changes this needs; keep everything else as it is.").toString();
    }

    /** The task again, with the files that arrived complete before the answer was cut off. */
    static String continuation(Task task, int maxTokens, Map<String, String> received, String cutOff, List<EditApplier.Failure> failures) {
        StringBuilder text = new StringBuilder(task.userText()).append("\n\n<previous_answer_cut_off>\nYour previous answer was cut off by ")
                .append("the output limit of ").append(maxTokens).append(" tokens")
                .append(cutOff == null ? "" : " while writing " + cutOff).append(". The files below arrived complete and are kept; ")
                .append("do not send them again.\n");
        received.forEach((path, content) -> appendFile(text, path, content));
        failures.forEach(failure -> text.append("This edit could not be applied, send it again: ").append(failure).append('\n'));
        return text.append("</previous_answer_cut_off>\n\nCall ").append(task.tool()).append(" again with only the rest")
                .append(cutOff == null ? "" : " (" + cutOff + " written again from its start)")
                .append(", keeping files as short as the design allows.").toString();
    }

    /** The text sent back with edits that could not be applied. */
    static String editFailures(List<EditApplier.Failure> failures, Map<String, String> currentFiles, String tool) {
        StringBuilder text = new StringBuilder("These edits could not be applied:\n");
        failures.forEach(failure -> text.append("- ").append(failure).append('\n'));
        text.append("Everything else was applied. The current content of the files concerned:\n");
        failures.stream().map(failure -> failure.edit().path()).distinct().filter(currentFiles::containsKey)
                .forEach(path -> appendFile(text, path, currentFiles.get(path)));
        return text.append("Call ").append(tool).append(" again with corrected edits (or the whole file) for these changes only.").toString();
    }

    private static void appendFiles(StringBuilder text, Map<String, String> files, Collection<String> binaryFiles, Set<String> always) {
        text.append("<current_files>\n");
        int shown = 0;
        StringBuilder hidden = new StringBuilder();
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (always.contains(file.getKey()) || shown + file.getValue().length() <= MAX_SHOWN_CHARS) {
                appendFile(text, file.getKey(), file.getValue());
                shown += file.getValue().length();
            } else {
                hidden.append(' ').append(file.getKey());
            }
        }
        text.append("</current_files>\n\n");
        if (hidden.length() > 0) {
            text.append("Files not shown for length:").append(hidden).append('\n');
        }
        if (!binaryFiles.isEmpty()) {
            text.append("Binary files (not shown, cannot be edited): ").append(String.join(" ", binaryFiles)).append('\n');
        }
    }

    private static void appendFile(StringBuilder text, String path, String content) {
        text.append("<file path=\"").append(path).append("\" lines=\"").append(content.lines().count()).append("\">\n")
                .append(content).append(content.endsWith("\n") ? "" : "\n").append("</file>\n");
    }

    private static String sourceLine(String content, int line) {
        if (content == null || line < 1) {
            return null;
        }
        List<String> lines = content.lines().toList();
        return line <= lines.size() ? lines.get(line - 1).strip() : null;
    }
}
