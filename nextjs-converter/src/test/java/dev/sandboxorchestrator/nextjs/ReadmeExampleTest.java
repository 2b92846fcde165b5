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

/** The Java example of the module README, kept compiling and true. */
class ReadmeExampleTest {
    @Test
    void readmeExampleWorksAsWritten(@TempDir Path site) throws IOException {
        Files.writeString(site.resolve("index.html"), "<!doctype html><title>Site</title><button onclick=\"go()\">Go</button>");

        NextJsProjectConverter converter = new NextJsProjectConverter();   // thread-safe, stateless

        // Ready Next.js files, as in the original guide ...
        Project fromTsx = converter.convert(GeneratedCode.of(Map.of(
                "page.tsx", "export default function Page() { return <h1 className=\"text-3xl\">Hi</h1>; }",
                "globals.css", "@tailwind base;\n@tailwind components;\n@tailwind utilities;\n")));

        // ... or a folder of HTML/CSS/JS/assets.
        Project fromHtml = converter.convert(site);

        assertThat(fromTsx.files()).containsKeys("app/page.tsx", "app/layout.tsx", "app/globals.css", "package.json");
        assertThat(fromHtml.files()).containsKeys("app/page.tsx", "app/layout.tsx", "app/globals.css", "package.json");
        assertThat(fromHtml.plan().defaultPort()).isEqualTo(3000);
        assertThat(fromHtml.report().entries()).extracting(Object::toString)
                .contains("index.html:1 changed: <button> onclick cannot be rendered by React; restored by the page runtime after hydration");
    }
}
