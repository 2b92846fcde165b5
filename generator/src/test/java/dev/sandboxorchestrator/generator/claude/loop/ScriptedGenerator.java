package dev.sandboxorchestrator.generator.claude.loop;

import dev.sandboxorchestrator.core.BuildFailure;
import dev.sandboxorchestrator.core.FileContent;
import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.GenerationRequest;
import dev.sandboxorchestrator.core.SandboxListener;
import dev.sandboxorchestrator.core.TokenUsage;
import dev.sandboxorchestrator.core.spi.CodeGenerator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/** A generator whose first code and repairs are given by the test; it records the failures it was asked to fix. */
final class ScriptedGenerator implements CodeGenerator {
    final List<BuildFailure> failures = new CopyOnWriteArrayList<>();
    private final Map<String, String> first;
    private final BiFunction<Integer, GeneratedCode, Map<String, String>> repairs;
    private final long tokensPerRepair;

    /** {@code repairs} gets the attempt number (1, 2, …) and the current code and returns the changed files. */
    ScriptedGenerator(Map<String, String> first, long tokensPerRepair, BiFunction<Integer, GeneratedCode, Map<String, String>> repairs) {
        this.first = first;
        this.tokensPerRepair = tokensPerRepair;
        this.repairs = repairs;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public GeneratedCode generate(GenerationRequest request, SandboxListener events) {
        return new GeneratedCode(texts(first), "Scripted", "A scripted app", null, Map.of("generator", "scripted"), new TokenUsage(100, 50, 0, 0));
    }

    @Override
    public boolean canRepair() {
        return true;
    }

    @Override
    public GeneratedCode repair(GeneratedCode current, BuildFailure failure, SandboxListener events) {
        failures.add(failure);
        Map<String, String> changed = repairs.apply(failures.size(), current);
        return new GeneratedCode(texts(changed), null, null, null, null, new TokenUsage(tokensPerRepair, 0, 0, 0));
    }

    @Override
    public GeneratedCode refine(GeneratedCode current, String request, SandboxListener events) {
        return new GeneratedCode(texts(repairs.apply(0, current)), null, null, null, null, new TokenUsage(10, 10, 0, 0));
    }

    private static Map<String, FileContent> texts(Map<String, String> files) {
        Map<String, FileContent> contents = new java.util.LinkedHashMap<>();
        files.forEach((path, text) -> contents.put(path, FileContent.text(text)));
        return contents;
    }
}
