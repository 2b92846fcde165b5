package dev.sandboxorchestrator.generator.claude.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * The two tools the model answers with, as strict JSON schemas (every object closed, every property required,
 * only keywords structured outputs support): {@code write_app} for a new app and {@code apply_changes} for
 * repairs and refinements. Both are sent on every call so that the cached prompt prefix is the same. Not API.
 */
final class ToolSchemas {
    static final String WRITE_APP = "write_app";
    static final String APPLY_CHANGES = "apply_changes";
    static final Set<String> NAMES = Set.of(WRITE_APP, APPLY_CHANGES);

    private ToolSchemas() {
    }

    /** Both tool definitions. */
    static ArrayNode tools() {
        ArrayNode tools = Json.MAPPER.createArrayNode();
        tools.add(tool(WRITE_APP, "Delivers a complete new app: every file it needs, a title, a one-sentence description and "
                + "any npm packages it imports that are not available already.", schema(WRITE_APP)));
        tools.add(tool(APPLY_CHANGES, "Changes the existing app: whole content for new or short files, search/replace edits "
                + "for longer files, and any npm packages newly imported. Only what changes.", schema(APPLY_CHANGES)));
        return tools;
    }

    /** The input schema of a tool, also used as the JSON output format. */
    static ObjectNode schema(String tool) {
        ObjectNode properties = Json.object();
        if (tool.equals(WRITE_APP)) {
            properties.set("title", string("A short name for the app, e.g. \"Brew Club\"."));
            properties.set("description", string("One sentence saying what the app is."));
            properties.set("files", array(file(), "Every file of the app, complete."));
        } else {
            properties.set("summary", string("One sentence saying what was changed and why."));
            properties.set("files", array(file(), "New files, and whole new content of short changed files."));
            properties.set("edits", array(edit(), "Search/replace edits of longer existing files, applied in order."));
        }
        properties.set("dependencies", array(dependency(), "npm packages the code imports that are not available already; "
                + "empty when there are none."));
        return object(properties);
    }

    private static ObjectNode tool(String name, String description, ObjectNode schema) {
        ObjectNode tool = Json.object().put("name", name).put("description", description);
        tool.set("input_schema", schema);
        tool.put("strict", true);
        return tool;
    }

    private static ObjectNode file() {
        ObjectNode properties = Json.object();
        properties.set("path", string("Relative path, e.g. app/page.tsx or components/Header.tsx."));
        properties.set("content", string("The complete content of the file."));
        return object(properties);
    }

    private static ObjectNode edit() {
        ObjectNode properties = Json.object();
        properties.set("path", string("The existing file to edit."));
        properties.set("old", string("Text copied exactly from the current file, occurring there exactly once."));
        properties.set("new", string("The text that replaces it."));
        return object(properties);
    }

    private static ObjectNode dependency() {
        ObjectNode properties = Json.object();
        properties.set("name", string("The npm package name, e.g. recharts."));
        properties.set("version", string("An exact version that works with React 19, e.g. 2.15.4."));
        return object(properties);
    }

    private static ObjectNode object(ObjectNode properties) {
        ObjectNode schema = Json.object().put("type", "object");
        schema.set("properties", properties);
        ArrayNode required = schema.putArray("required");
        properties.fieldNames().forEachRemaining(required::add);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode array(ObjectNode items, String description) {
        ObjectNode array = Json.object().put("type", "array").put("description", description);
        array.set("items", items);
        return array;
    }

    private static ObjectNode string(String description) {
        return Json.object().put("type", "string").put("description", description);
    }
}
