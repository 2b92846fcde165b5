package dev.sandboxorchestrator.nextjs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes the TypeScript of converted pages and layouts: imports for exactly what they use, the
 * {@code metadata}/{@code viewport} exports, the JSX, and the {@code LegacyScripts} runtime where needed.
 * Thread-safe (stateless).
 */
final class PageFiles {
    static final String RUNTIME_PATH = "app/_legacy/LegacyScripts.tsx";
    static final String RUNTIME_IMPORT = "@/app/_legacy/LegacyScripts";
    static final String ELEMENTS_PATH = "legacy-elements.d.ts";

    private PageFiles() {
    }

    static String page(HtmlPage page, boolean runtime) {
        String metadata = page.head.metadataExport();
        String viewport = page.head.viewportExport();
        List<String> imports = imports(page, runtime, !metadata.isEmpty(), !viewport.isEmpty());
        StringBuilder out = new StringBuilder();
        imports.forEach(line -> out.append(line).append('\n'));
        out.append(imports.isEmpty() ? "" : "\n");
        if (!metadata.isEmpty()) {
            out.append(metadata).append('\n');
        }
        if (!viewport.isEmpty()) {
            out.append(viewport).append('\n');
        }
        if (runtime && !page.scripts.isEmpty()) {
            out.append("const scripts: LegacyScript[] = [\n");
            page.scripts.forEach(entry -> out.append("  ").append(entry).append(",\n"));
            out.append("];\n\n");
        }
        out.append("export default function Page() {\n  return (\n    <>\n");
        out.append(page.headJsx).append(page.bodyJsx);
        if (runtime) {
            out.append("      <LegacyScripts page=").append(Json.quote("/" + page.route))
                    .append(" scripts={").append(page.scripts.isEmpty() ? "[]" : "scripts").append("} />\n");
        }
        return out.append("    </>\n  );\n}\n").toString();
    }

    private static List<String> imports(HtmlPage page, boolean runtime, boolean metadata, boolean viewport) {
        List<String> imports = new ArrayList<>();
        if (page.state.usesCssProperties) {
            imports.add("import type { CSSProperties } from \"react\";");
        }
        List<String> nextTypes = new ArrayList<>();
        if (metadata) {
            nextTypes.add("Metadata");
        }
        if (viewport) {
            nextTypes.add("Viewport");
        }
        if (!nextTypes.isEmpty()) {
            imports.add("import type { " + String.join(", ", nextTypes) + " } from \"next\";");
        }
        if (page.state.usesLink) {
            imports.add("import Link from \"next/link\";");
        }
        if (runtime) {
            imports.add("import LegacyScripts" + (page.scripts.isEmpty() ? "" : ", { type LegacyScript }") + " from \"" + RUNTIME_IMPORT + "\";");
        }
        return imports;
    }

    static String layout(HtmlPage page, List<CssAssembler.Link> links) {
        StringBuilder out = new StringBuilder();
        out.append(page.layoutState.usesCssProperties ? "import type { CSSProperties, ReactNode } from \"react\";\n"
                : "import type { ReactNode } from \"react\";\n");
        out.append("import \"./globals.css\";\n\n");
        out.append("export default function RootLayout({ children }: Readonly<{ children: ReactNode }>) {\n  return (\n");
        out.append("    <html").append(page.htmlAttributes).append(">\n");
        if (!links.isEmpty()) {
            out.append("      <head>\n");
            for (CssAssembler.Link link : links) {
                out.append("        <link rel=\"stylesheet\" href=").append(AttributeMapper.string(link.href()))
                        .append(link.media().isEmpty() ? "" : " media=" + AttributeMapper.string(link.media())).append(" />\n");
            }
            out.append("      </head>\n");
        }
        out.append("      <body").append(page.bodyAttributes).append(">{children}</body>\n");
        return out.append("    </html>\n  );\n}\n").toString();
    }

    /** Declarations so that tags React's types do not know (custom elements, obsolete tags) type-check. */
    static String elementTypes(Set<String> tags) {
        StringBuilder out = new StringBuilder();
        out.append("// Generated: elements the converted HTML uses that React's JSX types do not declare.\n");
        out.append("import type { DetailedHTMLProps, HTMLAttributes } from \"react\";\n\n");
        out.append("type LegacyElementProps = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & {\n");
        out.append("  [attribute: string]: unknown;\n};\n\n");
        out.append("declare module \"react\" {\n  namespace JSX {\n");
        out.append("    interface IntrinsicElements {\n");
        tags.forEach(tag -> out.append("      ").append(Json.quote(tag)).append(": LegacyElementProps;\n"));
        return out.append("    }\n  }\n}\n").toString();
    }
}
