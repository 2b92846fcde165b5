package dev.sandboxorchestrator.nextjs;

import dev.sandboxorchestrator.core.GeneratedCode;
import java.util.Map;

/**
 * Completes a ready Next.js app: a root layout when it has none (importing {@code globals.css}, with the
 * code's title and description as metadata), {@code globals.css} with the Tailwind directives when missing, and
 * {@code "use client"} where a component needs it but forgot. Thread-safe (stateless).
 */
final class ReadyApp {
    private ReadyApp() {
    }

    static void complete(GeneratedCode code, Output out, String appDir, Report report) {
        boolean hasAppPage = out.files().keySet().stream().anyMatch(path -> path.startsWith(appDir + "/") && Paths.name(path).matches("page\\.(tsx|jsx|ts|js)"));
        if (!hasAppPage) {
            return;
        }
        if (out.textIfAbsent(appDir + "/globals.css", Scaffold.TAILWIND_DIRECTIVES)) {
            report.added(appDir + "/globals.css", "generated with the three @tailwind directives");
        }
        boolean hasLayout = out.files().keySet().stream().anyMatch(path -> path.matches(java.util.regex.Pattern.quote(appDir) + "/layout\\.(tsx|jsx|ts|js)"));
        if (!hasLayout) {
            out.text(appDir + "/layout.tsx", layout(code.title(), code.description()));
            report.added(appDir + "/layout.tsx", "generated a root layout (importing globals.css)");
        }
        for (Map.Entry<String, dev.sandboxorchestrator.core.FileContent> file : Map.copyOf(out.files()).entrySet()) {
            String path = file.getKey();
            if (path.startsWith("public/") || !file.getValue().isText()) {
                continue;
            }
            String fixed = ClientDirective.addIfNeeded(path, file.getValue().asString());
            if (fixed != null) {
                out.text(path, fixed);
                report.changed(path, 1, "added \"use client\" (it uses client-only React hooks or event handlers)");
            }
        }
    }

    static String layout(String title, String description) {
        StringBuilder out = new StringBuilder();
        out.append("import type { Metadata } from \"next\";\n");
        out.append("import type { ReactNode } from \"react\";\n");
        out.append("import \"./globals.css\";\n\n");
        out.append("export const metadata: Metadata = {\n");
        out.append("  title: ").append(Json.quote(title.isBlank() ? "App" : title)).append(",\n");
        if (!description.isBlank()) {
            out.append("  description: ").append(Json.quote(description)).append(",\n");
        }
        out.append("};\n\n");
        out.append("export default function RootLayout({ children }: Readonly<{ children: ReactNode }>) {\n");
        out.append("  return (\n    <html lang=\"en\">\n      <body>{children}</body>\n    </html>\n  );\n}\n");
        return out.toString();
    }
}
