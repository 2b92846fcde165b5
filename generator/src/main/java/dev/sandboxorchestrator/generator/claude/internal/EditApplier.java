package dev.sandboxorchestrator.generator.claude.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies search/replace edits to files: each edit's {@code old} text must occur exactly once in the file as it
 * is after the edits before it. An edit that cannot be applied is reported with the reason and the others still
 * apply. Text written with LF matches a file that uses CRLF. Stateless. Not API.
 */
final class EditApplier {
    /** An edit that could not be applied, and why (a sentence the model can act on). */
    record Failure(AppPayload.Edit edit, String reason) {
        @Override
        public String toString() {
            return edit.path() + ": " + reason;
        }
    }

    /** The full new content of every file an edit changed, and the edits that failed. */
    record Result(Map<String, String> files, List<Failure> failures) {
    }

    private EditApplier() {
    }

    static Result apply(Map<String, String> base, List<AppPayload.Edit> edits) {
        Map<String, String> changed = new LinkedHashMap<>();
        List<Failure> failures = new ArrayList<>();
        for (AppPayload.Edit edit : edits) {
            String content = changed.containsKey(edit.path()) ? changed.get(edit.path()) : base.get(edit.path());
            if (content == null) {
                failures.add(new Failure(edit, "there is no file " + edit.path() + " to edit; send a new file whole in \"files\""));
                continue;
            }
            String old = edit.old();
            String replacement = edit.replacement();
            if (count(content, old) == 0 && content.contains("\r\n") && !old.contains("\r\n")) {
                old = old.replace("\n", "\r\n");
                replacement = replacement.replace("\n", "\r\n");
            }
            String problem = problem(content, old, edit.path());
            if (problem != null) {
                failures.add(new Failure(edit, problem));
                continue;
            }
            int at = content.indexOf(old);
            changed.put(edit.path(), content.substring(0, at) + replacement + content.substring(at + old.length()));
        }
        return new Result(changed, failures);
    }

    private static String problem(String content, String old, String path) {
        if (old.isEmpty()) {
            return "the text to replace is empty; quote the lines to change";
        }
        int found = count(content, old);
        if (found == 0) {
            return "the text to replace was not found in " + path + " (it must match the current file exactly, whitespace included): \""
                    + Json.excerpt(old, 80) + "\"";
        }
        if (found > 1) {
            return "the text to replace occurs " + found + " times in " + path + "; include more of the surrounding lines so that it is unique: \""
                    + Json.excerpt(old, 80) + "\"";
        }
        return null;
    }

    private static int count(String content, String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int count = 0;
        for (int at = content.indexOf(text); at >= 0; at = content.indexOf(text, at + 1)) {
            count++;
        }
        return count;
    }
}
