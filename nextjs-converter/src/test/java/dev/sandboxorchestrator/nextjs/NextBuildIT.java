package dev.sandboxorchestrator.nextjs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Converted projects really build: real npm install (cached, hard-linked) and real next build with checks on. */
class NextBuildIT {
    private final NextJsProjectConverter converter = new NextJsProjectConverter();

    @Test
    void guideThreeFileExampleBuildsWithNextBuild(@TempDir Path dir) throws IOException {
        Project project = converter.convert(GeneratedCode.of(Map.of(
                "page.tsx", """
                        export default function Home() {
                          return (
                            <main className="flex min-h-screen items-center justify-center">
                              <h1 className="text-4xl font-bold text-blue-600">Hello from the sandbox</h1>
                            </main>
                          );
                        }
                        """,
                "layout.tsx", """
                        import "./globals.css";

                        export const metadata = { title: "Guide example" };

                        export default function RootLayout({ children }: { children: React.ReactNode }) {
                          return (
                            <html lang="en">
                              <body>{children}</body>
                            </html>
                          );
                        }
                        """,
                "globals.css", "@tailwind base;\n@tailwind components;\n@tailwind utilities;\n")));

        NextBuilds.Run build = NextBuilds.writeAndBuild(project, dir);

        assertThat(build.ok()).as(build.tail(60)).isTrue();
        String html = Files.readString(dir.resolve(".next/server/app/index.html"));
        assertThat(html).contains("Hello from the sandbox").contains("text-blue-600");
        assertThat(cssOf(dir)).contains(".text-blue-600");
    }

    @Test
    void plainHtmlPageBuildsWithNextBuildAndKeepsItsContent(@TempDir Path dir) throws IOException {
        Project project = converter.convert(GeneratedCode.of(Map.of(
                "index.html", """
                        <!DOCTYPE html>
                        <html lang="en">
                        <head>
                          <meta charset="utf-8">
                          <title>Plain page</title>
                          <link rel="stylesheet" href="style.css">
                        </head>
                        <body class="plain">
                          <h1>Hello <em>plain</em> world</h1>
                          <p>Don't "quote" me &amp; {braces}</p>
                          <label for="name">Name</label> <input id="name" value="Ada" maxlength="20">
                          <table><tr><td colspan="2">cell</td></tr></table>
                          <button onclick="greet()">Greet</button>
                          <script>function greet() { document.querySelector('h1').textContent = 'Hi'; }</script>
                        </body>
                        </html>
                        """,
                "style.css", "h1 { color: rebeccapurple; }\n")));

        NextBuilds.Run build = NextBuilds.writeAndBuild(project, dir);

        assertThat(build.ok()).as(build.tail(60)).isTrue();
        // React separates adjacent text nodes with <!-- --> in server HTML.
        String html = Files.readString(dir.resolve(".next/server/app/index.html")).replace("<!-- -->", "");
        assertThat(html).contains("<title>Plain page</title>").contains("<body class=\"plain\">")
                .contains("Hello <em>plain</em> world").contains("<td colSpan=\"2\">cell</td>")
                .contains("Don&#x27;t &quot;quote&quot; me &amp; {braces}").contains("value=\"Ada\"");
        assertThat(cssOf(dir)).contains("rebeccapurple").doesNotContain("--tw-");
    }

    @Test
    void pagesWithDifferentHeadsGetTheirOwnRootLayoutsAndAllBuild(@TempDir Path dir) throws IOException {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("index.html", "<!doctype html><html lang=\"en\"><head><title>Home</title><link rel=\"stylesheet\" href=\"home.css\"></head>"
                + "<body class=\"home\"><a href=\"docs/guide.html\">Guide</a></body></html>");
        files.put("docs/guide.html", "<!doctype html><html lang=\"de\"><head><title>Guide</title><style>h1 { color: teal }</style></head>"
                + "<body><h1>Anleitung</h1><a href=\"../index.html\">Home</a></body></html>");
        files.put("home.css", "a { color: orange; }\n");
        Project project = converter.convert(GeneratedCode.of(files));
        assertThat(project.files()).containsKeys("app/(home)/layout.tsx", "app/(home)/page.tsx", "app/(docs-guide)/layout.tsx",
                "app/(docs-guide)/docs/guide/page.tsx").doesNotContainKey("app/layout.tsx");

        NextBuilds.Run build = NextBuilds.writeAndBuild(project, dir);

        assertThat(build.ok()).as(build.tail(60)).isTrue();
        String home = Files.readString(dir.resolve(".next/server/app/index.html"));
        String guide = Files.readString(dir.resolve(".next/server/app/docs/guide.html"));
        assertThat(home).contains("<html lang=\"en\">").contains("<body class=\"home\">").contains("href=\"/docs/guide\"");
        assertThat(guide).contains("<html lang=\"de\">").contains("Anleitung").contains("href=\"/\"");
    }

    private static String cssOf(Path dir) throws IOException {
        StringBuilder css = new StringBuilder();
        try (var files = Files.walk(dir.resolve(".next/static/css"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".css")).toList()) {
                css.append(Files.readString(file));
            }
        }
        return css.toString();
    }
}
