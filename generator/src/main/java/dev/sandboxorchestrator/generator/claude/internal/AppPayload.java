package dev.sandboxorchestrator.generator.claude.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a model answer carries, as the tool schemas define it: whole files, search/replace edits, a title, a
 * description and extra npm dependencies. Parsing is tolerant of missing parts (a cut-off answer, a model that
 * ignored the schema) and strict about wrong ones. Not API.
 */
record AppPayload(Map<String, String> files, List<Edit> edits, String title, String description, Map<String, String> dependencies) {
    static final AppPayload EMPTY = new AppPayload(Map.of(), List.of(), "", "", Map.of());

    private static final Pattern NPM_NAME = Pattern.compile("(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*");

    /** Replace {@code old}, which must occur exactly once in the file at {@code path}, with {@code replacement}. */
    record Edit(String path, String old, String replacement) {
    }

    AppPayload {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        edits = List.copyOf(edits);
        title = title == null ? "" : title.strip();
        description = description == null ? "" : description.strip();
        dependencies = Collections.unmodifiableMap(new LinkedHashMap<>(dependencies));
    }

    /**
     * Reads a tool input or JSON answer.
     *
     * @throws IllegalArgumentException saying which part is wrong
     */
    static AppPayload fromJson(JsonNode input) {
        if (input == null || !input.isObject()) {
            throw new IllegalArgumentException("the answer is not a JSON object");
        }
        Map<String, String> files = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode file : input.path("files")) {
            files.put(required(file, "path", "files[" + i + "]"), required(file, "content", "files[" + i + "]"));
            i++;
        }
        List<Edit> edits = new ArrayList<>();
        i = 0;
        for (JsonNode edit : input.path("edits")) {
            String where = "edits[" + i++ + "]";
            edits.add(new Edit(required(edit, "path", where), required(edit, "old", where), required(edit, "new", where)));
        }
        return new AppPayload(files, edits, Json.text(input, "title"), Json.text(input, "description"), dependencies(input));
    }

    private static Map<String, String> dependencies(JsonNode input) {
        Map<String, String> dependencies = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode dependency : input.path("dependencies")) {
            String where = "dependencies[" + i++ + "]";
            String name = required(dependency, "name", where).strip();
            String version = required(dependency, "version", where).strip();
            if (!NPM_NAME.matcher(name).matches() || name.length() > 214) {
                throw new IllegalArgumentException(where + ": '" + Json.excerpt(name, 80) + "' is not an npm package name");
            }
            if (version.isEmpty() || version.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(where + ": the version of " + name + " must be one word, e.g. 1.2.3, not '"
                        + Json.excerpt(version, 40) + "'");
            }
            dependencies.put(name, version);
        }
        return dependencies;
    }

    private static String required(JsonNode item, String field, String where) {
        String value = Json.text(item, field);
        if (value == null) {
            throw new IllegalArgumentException(where + " has no string \"" + field + "\"");
        }
        return value;
    }

    /** This payload and then {@code later}: later files replace earlier ones, the first title and description stay. */
    AppPayload plus(AppPayload later) {
        Map<String, String> allFiles = new LinkedHashMap<>(files);
        allFiles.putAll(later.files);
        List<Edit> allEdits = new ArrayList<>(edits);
        allEdits.addAll(later.edits);
        Map<String, String> allDependencies = new LinkedHashMap<>(dependencies);
        allDependencies.putAll(later.dependencies);
        return new AppPayload(allFiles, allEdits, title.isEmpty() ? later.title : title,
                description.isEmpty() ? later.description : description, allDependencies);
    }

    boolean isEmpty() {
        return files.isEmpty() && edits.isEmpty();
    }
}
