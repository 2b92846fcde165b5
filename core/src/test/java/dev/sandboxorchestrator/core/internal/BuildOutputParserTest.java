package dev.sandboxorchestrator.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxorchestrator.core.Diagnostic;
import org.junit.jupiter.api.Test;

class BuildOutputParserTest {
    @Test
    void parsesNextTypeErrorsWithTheirPosition() {
        String output = """
                   Linting and checking validity of types ...
                Failed to compile.

                ./app/page.tsx:205:20
                Type error: Conversion of type 'readonly [...]' to type 'Section[]' may be a mistake.

                \u001B[0m \u001B[90m 203 |\u001B[39m
                Next.js build worker exited with code: 1 and signal: null
                """;
        assertThat(BuildOutputParser.parse(output)).containsExactly(
                new Diagnostic("app/page.tsx", 205, 20, "type-error", "Conversion of type 'readonly [...]' to type 'Section[]' may be a mistake."));
    }

    @Test
    void parsesLintErrorsUnderTheirFile() {
        String output = """
                Failed to compile.

                ./app/page.tsx
                12:5  Error: `'` can be escaped with `&apos;`, `&lsquo;`, `&#39;`, `&rsquo;`.  react/no-unescaped-entities
                14:7  Warning: Using `<img>` could result in slower LCP.  @next/next/no-img-element

                info  - Need to disable some ESLint rules? Learn more here: https://nextjs.org/docs/app/api-reference/config/eslint#disabling-rules
                """;
        assertThat(BuildOutputParser.parse(output)).containsExactly(new Diagnostic("app/page.tsx", 12, 5, "react/no-unescaped-entities",
                "`'` can be escaped with `&apos;`, `&lsquo;`, `&#39;`, `&rsquo;`."));
    }

    @Test
    void parsesModuleNotFoundAndSyntaxErrors() {
        String output = """
                Failed to compile.

                ./app/page.tsx
                Module not found: Can't resolve 'framer-motion'

                ./app/other.tsx
                Error:   x Unexpected token `div`. Expected jsx identifier
                   ,-[/home/sandbox/project/app/other.tsx:3:1]
                """;
        assertThat(BuildOutputParser.parse(output)).containsExactly(
                new Diagnostic("app/page.tsx", 0, 0, "module-not-found", "Can't resolve 'framer-motion'"),
                new Diagnostic("app/other.tsx", 3, 1, "syntax", "Unexpected token `div`. Expected jsx identifier"));
    }

    @Test
    void parsesTscOutput() {
        assertThat(BuildOutputParser.parse("app/page.tsx(5,7): error TS2322: Type 'string' is not assignable to type 'number'."))
                .containsExactly(new Diagnostic("app/page.tsx", 5, 7, "TS2322", "Type 'string' is not assignable to type 'number'."));
    }

    @Test
    void outputWithoutErrorsHasNoDiagnostics() {
        assertThat(BuildOutputParser.parse(" ✓ Compiled successfully in 4.3s\n ✓ Generating static pages (4/4)\n")).isEmpty();
        assertThat(BuildOutputParser.parse(null)).isEmpty();
    }
}
