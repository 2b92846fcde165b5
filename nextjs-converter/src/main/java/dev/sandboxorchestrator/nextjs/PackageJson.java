package dev.sandboxorchestrator.nextjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sandboxorchestrator.core.InvalidInputException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The project's package.json: the pinned scaffold, or the input's own file with what is missing added (scripts,
 * the pinned Next.js/React toolchain, declared and imported packages). Not thread-safe: one per conversion.
 */
final class PackageJson {
    static final String PATH = "package.json";
    private static final Pattern NAME = Pattern.compile("(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*");
    private static final Map<String, String> SCRIPTS = Map.of("dev", "next dev", "build", "next build", "start", "next start");

    private final ObjectNode root;
    private final boolean own;
    private final Report report;

    private PackageJson(ObjectNode root, boolean own, Report report) {
        this.root = root;
        this.own = own;
        this.report = report;
    }

    /** The input's package.json when it has one, else the scaffold's. */
    static PackageJson from(String inputText, Report report) {
        if (inputText == null) {
            ObjectNode root = Json.object();
            root.put("name", "sandbox-app");
            root.put("version", "0.1.0");
            root.put("private", true);
            ObjectNode scripts = root.putObject("scripts");
            scripts.put("dev", "next dev");
            scripts.put("build", "next build");
            scripts.put("start", "next start");
            ObjectNode deps = root.putObject("dependencies");
            NpmPackages.DEPENDENCIES.forEach(deps::put);
            ObjectNode dev = root.putObject("devDependencies");
            NpmPackages.DEV_DEPENDENCIES.forEach(dev::put);
            return new PackageJson(root, false, report);
        }
        PackageJson json = new PackageJson(Json.parseObject(PATH, inputText), true, report);
        json.completeOwn();
        return json;
    }

    private void completeOwn() {
        ObjectNode scripts = objectField("scripts");
        for (String script : new String[] {"dev", "build", "start"}) {
            if (!scripts.has(script)) {
                scripts.put(script, SCRIPTS.get(script));
                report.added(PATH, "script \"" + script + "\": \"" + SCRIPTS.get(script) + "\" was missing");
            }
        }
        NpmPackages.DEPENDENCIES.forEach((name, version) -> addIfMissing(name, version, false, "required by Next.js"));
        NpmPackages.DEV_DEPENDENCIES.forEach((name, version) -> addIfMissing(name, version, true, "needed by next build"));
    }

    /** Adds the dependencies the code declares; invalid names or versions are rejected. */
    void addDeclared(Map<String, String> declared) {
        declared.forEach((name, version) -> {
            checkName("dependencies." + name, name);
            String value = version.strip();
            if (value.isEmpty()) {
                value = NpmPackages.knownVersion(name).orElse("latest");
            }
            if (value.chars().anyMatch(c -> c < 0x20)) {
                throw new InvalidInputException("dependencies." + name, "version contains a control character");
            }
            addIfMissing(name, value, false, "declared by the generated code");
        });
    }

    /** Adds a package an import needs, at the known version or "latest" (reported as unverified). */
    void addImported(String name, String importedBy) {
        if (has(name)) {
            return;
        }
        String version = NpmPackages.knownVersion(name).orElse(null);
        if (version == null) {
            deps().put(name, "latest");
            report.unmapped(importedBy, 0, "imports " + name + ", which is not in the table of versions known to work"
                    + " with Next " + NpmPackages.NEXT + "; added as \"latest\"");
        } else {
            deps().put(name, version);
            report.added(PATH, name + "@" + version + " (imported by " + importedBy + ")");
        }
    }

    boolean has(String name) {
        return root.path("dependencies").has(name) || root.path("devDependencies").has(name)
                || root.path("peerDependencies").has(name);
    }

    Set<String> dependencyNames() {
        Set<String> names = new java.util.TreeSet<>();
        root.path("dependencies").fieldNames().forEachRemaining(names::add);
        return names;
    }

    String text() {
        sortDependencies("dependencies");
        return Json.write(root);
    }

    private void addIfMissing(String name, String version, boolean dev, String why) {
        if (has(name)) {
            return;
        }
        (dev ? objectField("devDependencies") : deps()).put(name, version);
        if (own || !NpmPackages.DEPENDENCIES.containsKey(name)) {
            report.added(PATH, name + "@" + version + " (" + why + ")");
        }
    }

    private ObjectNode deps() {
        return objectField("dependencies");
    }

    private ObjectNode objectField(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return root.putObject(field);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new InvalidInputException(PATH, "\"" + field + "\" must be an object");
        }
        return object;
    }

    private void sortDependencies(String field) {
        if (own || !(root.get(field) instanceof ObjectNode deps)) {
            return;
        }
        Map<String, JsonNode> sorted = new TreeMap<>();
        deps.properties().forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        deps.removeAll();
        sorted.forEach(deps::set);
    }

    private static void checkName(String field, String name) {
        if (name.length() > 214 || !NAME.matcher(name).matches()) {
            throw new InvalidInputException(field, "is not a valid npm package name");
        }
    }
}
