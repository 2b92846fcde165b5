package dev.sandboxorchestrator.nextjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sandboxorchestrator.core.Command;
import dev.sandboxorchestrator.core.FileContent;
import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.InvalidInputException;
import dev.sandboxorchestrator.core.Project;
import dev.sandboxorchestrator.core.RunPlan;
import dev.sandboxorchestrator.core.spi.ProjectConverter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NextJsProjectConverterTest {
    private final NextJsProjectConverter converter = new NextJsProjectConverter();

    private static final String PAGE = "export default function Page() { return <h1 className=\"text-xl\">Hi</h1>; }\n";

    @Test
    void isFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(ProjectConverter.class).stream().map(ServiceLoader.Provider::type))
                .contains(NextJsProjectConverter.class);
    }

    @Test
    void plansInstallBuildAndStartOnHostAndPortFromTheEnvironment() {
        RunPlan plan = converter.convert(GeneratedCode.of(Map.of("page.tsx", PAGE))).plan();

        assertThat(plan.install().argv()).containsExactly("npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
        assertThat(plan.install().timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(plan.build().argv()).containsExactly("npm", "run", "build");
        assertThat(plan.start().argv()).containsExactly("sh", "-c",
                "exec ./node_modules/.bin/next start -H \"${HOST:-0.0.0.0}\" -p \"${PORT:-3000}\"");
        assertThat(plan.defaultPort()).isEqualTo(3000);
        assertThat(plan.readinessPath()).isEqualTo("/");
        assertThat(plan.dependencyManifests()).containsExactly("package.json");
    }

    @Test
    void usesNpmCiAndKeysTheCacheOnTheLockfileWhenOneIsGiven() {
        RunPlan plan = converter.convert(GeneratedCode.of(Map.of("page.tsx", PAGE, "package-lock.json", "{}"))).plan();

        assertThat(plan.install().argv()).containsExactly("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        assertThat(plan.dependencyManifests()).containsExactly("package.json", "package-lock.json");
    }

    @Test
    void builderSetsTimeoutsAndRejectsNonPositiveOnesByName() {
        NextJsProjectConverter custom = NextJsProjectConverter.builder().installTimeout(Duration.ofMinutes(3))
                .buildTimeout(Duration.ofMinutes(4)).build();
        RunPlan plan = custom.convert(GeneratedCode.of(Map.of("page.tsx", PAGE))).plan();

        assertThat(plan.install().timeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(plan.build().timeout()).isEqualTo(Duration.ofMinutes(4));
        assertThatThrownBy(() -> NextJsProjectConverter.builder().buildTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("buildTimeout must be positive, was PT0S");
    }

    @Test
    void writesTheScaffoldWithThePinnedVersions() {
        Project project = converter.convert(GeneratedCode.of(Map.of("page.tsx", PAGE)));

        assertThat(project.files()).containsKeys("app/page.tsx", "app/layout.tsx", "app/globals.css", "package.json",
                "next.config.js", "tsconfig.json", "postcss.config.js", "tailwind.config.js", ".eslintrc.json", "next-env.d.ts");
        String packageJson = text(project, "package.json");
        assertThat(packageJson).contains("\"next\": \"15.5.29\"", "\"react\": \"19.2.9\"", "\"react-dom\": \"19.2.9\"",
                "\"typescript\": \"5.9.3\"", "\"@types/react\": \"19.2.18\"", "\"tailwindcss\": \"3.4.19\"", "\"eslint\": \"8.57.1\"",
                "\"eslint-config-next\": \"15.5.29\"", "\"build\": \"next build\"");
        assertThat(text(project, ".eslintrc.json")).isEqualTo("{\n  \"extends\": \"next/core-web-vitals\"\n}\n");
        assertThat(text(project, "next.config.js")).doesNotContain("ignore");
        assertThat(text(project, "tsconfig.json")).contains("\"strict\": true", "\"@/*\": [\"./*\"]");
        assertThat(text(project, "app/globals.css")).isEqualTo("@tailwind base;\n@tailwind components;\n@tailwind utilities;\n");
        assertThat(text(project, "app/layout.tsx")).contains("import \"./globals.css\";");
    }

    @Test
    void keepsFilesTheInputBringsInsteadOfTheScaffoldsOwn() {
        Project project = converter.convert(GeneratedCode.of(Map.of("app/page.tsx", PAGE, "next.config.mjs", "export default {};\n",
                "tailwind.config.ts", "export default { content: [] };\n")));

        assertThat(project.files()).containsKeys("next.config.mjs", "tailwind.config.ts")
                .doesNotContainKeys("next.config.js", "tailwind.config.js");
    }

    @Test
    void placesSrcAppInputAndPointsTheAliasAtSrc() {
        Project project = converter.convert(GeneratedCode.of(Map.of("src/app/page.tsx", PAGE, "src/components/Button.tsx",
                "export function Button() { return <button />; }\n")));

        assertThat(project.files()).containsKeys("src/app/page.tsx", "src/app/layout.tsx", "src/app/globals.css", "src/components/Button.tsx")
                .doesNotContainKey("app/layout.tsx");
        assertThat(text(project, "tsconfig.json")).contains("\"@/*\": [\"./src/*\"]");
    }

    @Test
    void rewritesRelativeImportsOfMovedTopLevelFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("page.tsx", "import { Header } from \"./components/Header\";\nimport { helper } from './utils';\n"
                + "export default function Page() { return <Header title={helper()} />; }\n");
        files.put("utils.ts", "export const helper = () => \"x\";\n");
        files.put("components/Header.tsx", "export function Header({ title }: { title: string }) { return <h1>{title}</h1>; }\n");
        files.put("logo.png", "png");

        Project project = converter.convert(GeneratedCode.of(files));

        assertThat(text(project, "app/page.tsx")).contains("from \"../components/Header\"").contains("from './utils'");
        assertThat(project.files()).containsKeys("app/utils.ts", "components/Header.tsx", "public/logo.png");
    }

    @Test
    void addsDeclaredAndImportedPackagesAtKnownVersionsAndUnknownOnesAsLatestWithAReportEntry() {
        GeneratedCode code = new GeneratedCode(Map.of("page.tsx", FileContent.text(
                "import { motion } from \"framer-motion\";\nimport x from \"left-pad-ng\";\n" + PAGE)),
                null, null, Map.of("zustand", "", "date-fns", "^3.0.0"), null, null);

        Project project = converter.convert(code);

        assertThat(text(project, "package.json")).contains("\"framer-motion\": \"14.14.0\"", "\"left-pad-ng\": \"latest\"",
                "\"zustand\": \"5.1.0\"", "\"date-fns\": \"^3.0.0\"");
        assertThat(project.report().entries()).extracting(Object::toString)
                .anyMatch(entry -> entry.startsWith("app/page.tsx unmapped: imports left-pad-ng, which is not in the table"));
    }

    @Test
    void completesTheInputsOwnPackageJsonWithoutDroppingAnything() {
        Project project = converter.convert(GeneratedCode.of(Map.of("page.tsx", "import clsx from 'clsx';\n" + PAGE,
                "package.json", "{\"name\":\"mine\",\"dependencies\":{\"next\":\"15.5.29\",\"extra\":\"1.0.0\"},\"custom\":true}")));

        String packageJson = text(project, "package.json");
        assertThat(packageJson).contains("\"name\": \"mine\"", "\"extra\": \"1.0.0\"", "\"custom\": true", "\"clsx\": \"2.1.1\"",
                "\"react\": \"19.2.9\"", "\"build\": \"next build\"");
    }

    @Test
    void rejectsCodeWithoutAnyPageNamingWhatItGot() {
        assertThatThrownBy(() -> converter.convert(GeneratedCode.of(Map.of("README.md", "# hi", "style.css", "a{}"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("generatedCode: has no page to convert: expected page.tsx (or app/page.tsx), pages/index.tsx or an .html file; "
                        + "got [README.md, style.css]");
    }

    @Test
    void rejectsEmptyCode() {
        assertThatThrownBy(() -> converter.convert(GeneratedCode.of(Map.of())))
                .isInstanceOf(InvalidInputException.class).hasMessage("generatedCode: must contain at least one file");
    }

    @Test
    void rejectsAnInvalidPackageJsonNamingTheFileAndLine() {
        assertThatThrownBy(() -> converter.convert(GeneratedCode.of(Map.of("page.tsx", PAGE, "package.json", "{\n \"name\": }"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("package.json: is not valid JSON: ").hasMessageEndingWith("at line 2")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("package.json");
    }

    @Test
    void rejectsAnInvalidDependencyName() {
        GeneratedCode code = new GeneratedCode(Map.of("page.tsx", FileContent.text(PAGE)), null, null,
                Map.of("Bad Name", "1.0.0"), null, null);

        assertThatThrownBy(() -> converter.convert(code)).isInstanceOf(InvalidInputException.class)
                .hasMessage("dependencies.Bad Name: is not a valid npm package name");
    }

    @Test
    void readsAFolderWithTextAndBinaryFilesSkippingNodeModules(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("index.html"), "<!doctype html><title>T</title><img src=\"a.png\" alt=\"a\">");
        Files.write(dir.resolve("a.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        Files.createDirectories(dir.resolve("node_modules/x"));
        Files.writeString(dir.resolve("node_modules/x/index.js"), "x");

        Project project = converter.convert(dir);

        assertThat(project.files().get("public/a.png").isText()).isFalse();
        assertThat(project.files().get("public/a.png").toBytes()).hasSize(7);
        assertThat(project.files().keySet()).noneMatch(path -> path.contains("node_modules"));
        assertThat(text(project, "app/page.tsx")).contains("<img src=\"/a.png\" alt=\"a\" />");
    }

    @Test
    void rejectsAFolderThatDoesNotExist(@TempDir Path dir) {
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> converter.convert(missing)).isInstanceOf(InvalidInputException.class)
                .hasMessage(missing + ": is not a directory");
    }

    @Test
    void returnsAnUnmodifiableProjectWhoseCommandsAreValid() {
        Project project = converter.convert(GeneratedCode.of(Map.of("page.tsx", PAGE)));

        assertThatThrownBy(() -> project.files().put("x", FileContent.text("y"))).isInstanceOf(UnsupportedOperationException.class);
        List<Command> commands = List.of(project.plan().install(), project.plan().build(), project.plan().start());
        assertThat(commands).allSatisfy(command -> assertThat(command.timeout()).isPositive());
    }

    private static String text(Project project, String path) {
        FileContent content = project.files().get(path);
        assertThat(content).as(path).isNotNull();
        return content.asString();
    }
}
