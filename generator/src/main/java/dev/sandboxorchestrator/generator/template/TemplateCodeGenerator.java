package dev.sandboxorchestrator.generator.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sandboxorchestrator.core.FileContent;
import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.GenerationRequest;
import dev.sandboxorchestrator.core.SandboxEvent;
import dev.sandboxorchestrator.core.SandboxListener;
import dev.sandboxorchestrator.core.Phase;
import dev.sandboxorchestrator.core.spi.CodeGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a complete, pleasant landing page from a prompt, offline and deterministically: no model, no
 * network. The prompt's subject appears in the title and headline, and the sections (pricing, menu, FAQ,
 * testimonials…) are chosen from the prompt's words. Its output says plainly that it came from a template,
 * not an AI ({@code metadata().get("generator")} is {@code "template"}).
 *
 * <p>Thread-safe and stateless. This is the default generator when no API key is configured.
 *
 * <pre>{@code
 * GeneratedCode code = new TemplateCodeGenerator().generate(GenerationRequest.of("A landing page for a coffee subscription"), SandboxListener.NONE);
 * }</pre>
 */
public final class TemplateCodeGenerator implements CodeGenerator {
    public static final String NAME = "template";
    /** Said in the metadata and on the page itself. */
    public static final String DISCLAIMER = "Generated offline from a template, not by an AI.";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GeneratedCode generate(GenerationRequest request, SandboxListener events) {
        String subject = Subject.of(request.prompt());
        Set<Section> sections = sections(request.prompt());
        Map<String, Object> content = Content.of(subject, request.prompt(), sections);
        Map<String, FileContent> files = new LinkedHashMap<>();
        if (request.format() == GenerationRequest.Format.HTML) {
            files.put("index.html", FileContent.text(HtmlPage.render(content)));
        } else {
            files.put("app/page.tsx", FileContent.text(page(content)));
            files.put("app/layout.tsx", FileContent.text(layout(subject)));
            files.put("app/globals.css", FileContent.text(GLOBALS));
        }
        files.keySet().forEach(path -> events.onEvent(new SandboxEvent.Progress(Phase.GENERATE, "wrote " + path, Instant.now())));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("generator", NAME);
        metadata.put("note", DISCLAIMER);
        metadata.put("sections", sections.toString());
        return new GeneratedCode(files, subject, "A landing page for " + subject + ". " + DISCLAIMER, Map.of(), metadata, null);
    }

    static Set<Section> sections(String prompt) {
        Set<Section> chosen = EnumSet.noneOf(Section.class);
        for (Section section : Section.values()) {
            if (section.mentionedIn(prompt)) {
                chosen.add(section);
            }
        }
        chosen.add(Section.FEATURES);
        if (chosen.size() < 4) {
            chosen.add(Section.TESTIMONIALS);
            chosen.add(Section.FAQ);
        }
        chosen.add(Section.NEWSLETTER);
        return chosen;
    }

    private static String page(Map<String, Object> content) {
        return "// " + DISCLAIMER + "\n"
                + PageTemplate.TYPES
                + "const content: Content = " + json(content) + ";\n\n"
                + PageTemplate.BODY;
    }

    private static String layout(String subject) {
        String title = json(subject);
        return """
                import type { Metadata } from "next";
                import "./globals.css";

                export const metadata: Metadata = {
                  title: %s,
                  description: %s,
                };

                export default function RootLayout({ children }: { children: React.ReactNode }) {
                  return (
                    <html lang="en">
                      <body className="bg-stone-50 text-stone-900 antialiased">{children}</body>
                    </html>
                  );
                }
                """.formatted(title, json("A landing page for " + subject + ". " + DISCLAIMER));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write template content as JSON", e);
        }
    }

    static List<Map<String, String>> items(String... titleThenText) {
        List<Map<String, String>> items = new ArrayList<>();
        for (int i = 0; i + 1 < titleThenText.length; i += 2) {
            items.add(Map.of("title", titleThenText[i], "text", titleThenText[i + 1]));
        }
        return items;
    }

    private static final String GLOBALS = """
            @tailwind base;
            @tailwind components;
            @tailwind utilities;

            html {
              scroll-behavior: smooth;
            }
            """;
}
