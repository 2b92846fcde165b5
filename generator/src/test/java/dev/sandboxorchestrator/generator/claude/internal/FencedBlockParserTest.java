package dev.sandboxorchestrator.generator.claude.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxorchestrator.core.GenerationRequest.Format;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FencedBlockParserTest {
    @Test
    void namesComeFromTheInfoStringTheLineAboveOrAFirstLineComment() {
        String prose = """
                Here is your app.

                ```tsx app/page.tsx
                export default function Page() { return <main />; }
                ```

                ```tsx title="components/Nav.tsx"
                export function Nav() { return <nav />; }
                ```

                **app/layout.tsx**
                ```tsx
                export default function Layout() { return null; }
                ```

                ### File: `app/globals.css`

                ~~~css
                @tailwind base;
                ~~~

                ```json
                // data/menu.json
                {"items": []}
                ```
                """;

        FencedBlockParser.Result result = FencedBlockParser.parse(prose, Format.NEXTJS);

        assertThat(result.files()).containsOnlyKeys("app/page.tsx", "components/Nav.tsx", "app/layout.tsx", "app/globals.css", "data/menu.json");
        assertThat(result.files().get("app/globals.css")).isEqualTo("@tailwind base;\n");
        assertThat(result.files().get("data/menu.json")).isEqualTo("{\"items\": []}\n");
        assertThat(result.unnamedBlocks()).isZero();
    }

    @Test
    void aBlockThatIsNeverClosedIsNotAFile() {
        String prose = "```tsx app/page.tsx\nexport default function Page() {}\n```\n\n```tsx components/Big.tsx\nexport function Big() {\n  return (";

        assertThat(FencedBlockParser.parse(prose, Format.NEXTJS).files()).containsOnlyKeys("app/page.tsx");
    }

    @Test
    void aLoneUnnamedBlockBecomesThePageOfItsFormat() {
        assertThat(FencedBlockParser.parse("```html\n<!doctype html><p>hi</p>\n```", Format.HTML).files())
                .isEqualTo(Map.of("index.html", "<!doctype html><p>hi</p>\n"));
        assertThat(FencedBlockParser.parse("Sure:\n```tsx\nexport default function P() { return null; }\n```", Format.NEXTJS).files())
                .containsOnlyKeys("app/page.tsx");
    }

    @Test
    void unnamedBlocksBesideNamedOnesAreCountedAndSkipped() {
        String prose = "```tsx app/page.tsx\nx\n```\nRun:\n```bash\nnpm run dev\n```\nor\n```bash\nnpm start\n```\n";

        FencedBlockParser.Result result = FencedBlockParser.parse(prose, Format.NEXTJS);

        assertThat(result.files()).containsOnlyKeys("app/page.tsx");
        assertThat(result.unnamedBlocks()).isEqualTo(2);
    }

    @Test
    void leadingDotSlashIsDropped() {
        assertThat(FencedBlockParser.parse("```css ./app/globals.css\nb{}\n```", Format.NEXTJS).files()).containsOnlyKeys("app/globals.css");
    }
}
