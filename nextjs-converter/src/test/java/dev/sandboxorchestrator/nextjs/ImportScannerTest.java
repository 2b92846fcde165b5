package dev.sandboxorchestrator.nextjs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImportScannerTest {
    private static List<String> specifiers(String code) {
        return ImportScanner.scan(code).stream().map(ImportScanner.Specifier::value).toList();
    }

    @Test
    void findsStaticDynamicReExportAndRequireSpecifiers() {
        String code = """
                import React from "react";
                import { a, b } from 'lib-a';
                import "side-effect/style.css";
                import type { T } from "@scope/types";
                export { x } from "./local";
                export * from "lib-b";
                const lazy = import("lib-c");
                const cjs = require('lib-d');
                """;

        assertThat(specifiers(code)).containsExactly("react", "lib-a", "side-effect/style.css", "@scope/types", "./local", "lib-b",
                "lib-c", "lib-d");
    }

    @Test
    void ignoresImportLookalikesInStringsCommentsTemplatesAndRegularExpressions() {
        String code = """
                // import x from "in-line-comment";
                /* import y from "in-block-comment"; */
                const s = 'import z from "in-string"';
                const t = `template ${ `nested ${"from"} import("in-template")` } require("also-template")`;
                const r = /from "in-regex"/g;
                const d = a / b / c; import real from "real";
                Array.from("not-a-module");
                """;

        assertThat(specifiers(code)).containsExactly("real");
    }

    @Test
    void recoversFromAnApostropheInJsxTextAtTheEndOfTheLine() {
        String code = """
                import a from "first";
                const x = <p>Don't worry</p>;
                import b from "second";
                """;

        assertThat(specifiers(code)).containsExactly("first", "second");
    }

    @Test
    void reportsOffsetsOfTheSpecifierValueSoItCanBeRewritten() {
        String code = "import x from \"./components/X\";";
        ImportScanner.Specifier specifier = ImportScanner.scan(code).get(0);

        assertThat(code.substring(specifier.start(), specifier.end())).isEqualTo("./components/X");
    }

    @Test
    void namesThePackageOfASpecifierAndSkipsRelativeAliasedAndBuiltInModules() {
        assertThat(NpmPackages.packageOf("lucide-react")).contains("lucide-react");
        assertThat(NpmPackages.packageOf("@heroicons/react/24/solid")).contains("@heroicons/react");
        assertThat(NpmPackages.packageOf("date-fns/format")).contains("date-fns");
        assertThat(NpmPackages.packageOf("./x")).isEmpty();
        assertThat(NpmPackages.packageOf("@/components/x")).isEmpty();
        assertThat(NpmPackages.packageOf("node:fs")).isEmpty();
        assertThat(NpmPackages.packageOf("fs")).isEmpty();
        assertThat(NpmPackages.packageOf("next/link")).isEmpty();
        assertThat(NpmPackages.packageOf("react-dom/client")).isEmpty();
        assertThat(NpmPackages.packageOf("https://cdn.example/x.js")).isEmpty();
    }
}
