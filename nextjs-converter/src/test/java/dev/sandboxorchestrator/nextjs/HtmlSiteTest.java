package dev.sandboxorchestrator.nextjs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxorchestrator.core.ConversionReport;
import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.Project;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlSiteTest {
    private static Project convert(Map<String, String> files) {
        return new NextJsProjectConverter().convert(GeneratedCode.of(files));
    }

    private static Map<String, String> files(String... pairs) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            files.put(pairs[i], pairs[i + 1]);
        }
        return files;
    }

    @Test
    void remoteSheetsBeforeLocalCssBecomeImportsAndLaterOnesLinksSoTheCascadeOrderSurvives() {
        Project project = convert(files("index.html", "<html><head>"
                + "<link rel=\"stylesheet\" href=\"https://cdn.test/bootstrap.css\">"
                + "<link rel=\"stylesheet\" href=\"//fonts.test/css?family=X\" media=\"screen\">"
                + "<link rel=\"stylesheet\" href=\"css/site.css\">"
                + "<style>h1 { color: red }</style>"
                + "<link rel=\"stylesheet\" href=\"https://cdn.test/theme.css\">"
                + "<style>h2 { color: blue }</style>"
                + "</head><body></body></html>",
                "css/site.css", "@charset \"utf-8\";\n@import url(\"https://cdn.test/inner.css\");\nbody { background: url(../img/bg.png) }\n",
                "img/bg.png", "png"));

        String css = project.files().get("app/globals.css").asString();
        assertThat(css).startsWith("@import url(\"https://cdn.test/bootstrap.css\");\n@import url(\"https://fonts.test/css?family=X\") screen;\n"
                + "@import url(\"https://cdn.test/inner.css\");\n");
        assertThat(css).containsSubsequence("/* css/site.css */", "body { background: url(/img/bg.png) }", "h1 { color: red }")
                .doesNotContain("h2").doesNotContain("@charset").doesNotContain("@tailwind");
        String layout = project.files().get("app/layout.tsx").asString();
        assertThat(layout).containsSubsequence("<link rel=\"stylesheet\" href=\"https://cdn.test/theme.css\" />",
                "<link rel=\"stylesheet\" href=\"/_legacy/styles/site-1.css\" />");
        assertThat(project.files().get("public/_legacy/styles/site-1.css").asString()).contains("h2 { color: blue }");
        assertThat(project.files()).containsKeys("public/img/bg.png", "public/css/site.css");
    }

    @Test
    void inlinesLocalImportsWhereTheyStood() {
        Project project = convert(files("index.html", "<link rel=\"stylesheet\" href=\"a.css\">",
                "a.css", "@import \"parts/b.css\";\n.a { color: red }\n", "parts/b.css", ".b { background: url(x.png) }\n"));

        assertThat(project.files().get("app/globals.css").asString())
                .containsSubsequence("/* parts/b.css */", ".b { background: url(/parts/x.png) }", ".a { color: red }");
    }

    @Test
    void tailwindCdnBecomesABuildTimeSetupWithThePagesConfigAndPlugins() {
        Project project = convert(files("index.html", "<html><head>"
                + "<style>.before { color: red }</style>"
                + "<script src=\"https://cdn.tailwindcss.com?plugins=forms,typography\"></script>"
                + "<script>tailwind.config = { theme: { extend: { colors: { brand: '#ff0' } } } }</script>"
                + "<style type=\"text/tailwindcss\">.btn { @apply px-4; }</style>"
                + "</head><body class=\"bg-brand\"><p class=\"text-xl\">x</p></body></html>"));

        String css = project.files().get("app/globals.css").asString();
        assertThat(css).containsSubsequence(".before { color: red }", "@tailwind base;\n@tailwind components;\n@tailwind utilities;\n",
                ".btn { @apply px-4; }");
        String config = project.files().get("tailwind.config.js").asString();
        assertThat(config).contains("const pageConfig = { theme: { extend: { colors: { brand: '#ff0' } } } };", "...pageConfig,",
                "require(\"@tailwindcss/forms\")", "require(\"@tailwindcss/typography\")", "\"./app/**/*.{js,ts,jsx,tsx,mdx}\"");
        assertThat(project.files().get("package.json").asString()).contains("\"@tailwindcss/forms\": \"0.5.11\"",
                "\"@tailwindcss/typography\": \"0.5.20\"");
        assertThat(project.files().get("app/page.tsx").asString()).doesNotContain("tailwind").doesNotContain("LegacyScripts");
    }

    @Test
    void pagesWithoutTailwindGetNoTailwindCssAtAll() {
        Project project = convert(files("index.html", "<style>p { margin: 0 }</style><p class=\"flex p-4\">x</p>"));

        assertThat(project.files().get("app/globals.css").asString()).doesNotContain("@tailwind");
    }

    @Test
    void mapsTheHeadToMetadataViewportAndHoistedElements() {
        String page = convert(files("index.html", "<html><head><meta charset=\"utf-8\"><title>T &amp; \"Q\"</title>"
                + "<meta name=\"description\" content=\"D\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1, shrink-to-fit=no\">"
                + "<meta name=\"theme-color\" content=\"#fff\" media=\"(prefers-color-scheme: light)\"><meta property=\"og:title\" content=\"OG\">"
                + "<link rel=\"icon\" href=\"favicon.ico\"></head><body></body></html>", "favicon.ico", "ico"))
                .files().get("app/page.tsx").asString();

        assertThat(page).contains("title: \"T & \\\"Q\\\"\",", "description: \"D\",", "width: \"device-width\",", "initialScale: 1,",
                "themeColor: [{ media: \"(prefers-color-scheme: light)\", color: \"#fff\" }],",
                "<meta property=\"og:title\" content=\"OG\" />", "<link rel=\"icon\" href=\"/favicon.ico\" />")
                .doesNotContain("charset").doesNotContain("shrink");
    }

    @Test
    void resolvesBaseHrefIntoEveryUrl() {
        String page = convert(files("index.html", "<base href=\"/static/\"><img src=\"a.png\" alt=\"\"><a href=\"other.html\">o</a>",
                "static/a.png", "png")).files().get("app/page.tsx").asString();
        String remote = convert(files("index.html", "<base href=\"https://example.test/site/\"><img src=\"a.png\" alt=\"\">"))
                .files().get("app/page.tsx").asString();

        assertThat(page).contains("<img src=\"/static/a.png\" alt=\"\" />").contains("href=\"/static/other.html\"");
        assertThat(remote).contains("<img src=\"https://example.test/site/a.png\" alt=\"\" />");
    }

    @Test
    void resolvesUrlsAboveTheSiteRootTheWayBrowsersDo() {
        Project project = convert(files("index.html", "<link rel=\"stylesheet\" href=\"../assets/site.css\"><img src=\"../../a.png\" alt=\"\">",
                "assets/site.css", "p { color: red }", "a.png", "png"));

        assertThat(project.files().get("app/globals.css").asString()).contains("p { color: red }");
        assertThat(project.files().get("app/page.tsx").asString()).contains("<img src=\"/a.png\" alt=\"\" />");
    }

    @Test
    void givesEveryPageASafeUniqueRouteAndReportsRenames() {
        Project project = convert(files("index.html", "<a href=\"My Page.html\">x</a>", "My Page.html", "<p>1</p>",
                "My-Page.html", "<p>2</p>", "_private.html", "<p>3</p>", "docs/index.htm", "<p>4</p>"));

        assertThat(project.files()).containsKeys("app/page.tsx", "app/My-Page/page.tsx", "app/My-Page-2/page.tsx", "app/private/page.tsx",
                "app/docs/page.tsx");
        assertThat(project.files().get("app/page.tsx").asString()).contains("<Link href=\"/My-Page\">x</Link>");
        assertThat(project.report().entries(ConversionReport.Kind.CHANGED)).extracting(Object::toString)
                .contains("My Page.html changed: served at /My-Page (a valid, unique App Router path)",
                        "My-Page.html changed: served at /My-Page-2 (a valid, unique App Router path)");
    }

    @Test
    void keepsDataBlocksInTheDomAndDropsNomoduleScripts() {
        Project project = convert(files("index.html", "<script type=\"application/ld+json\">{\"a\": 1}</script>"
                + "<script nomodule src=\"old.js\"></script><script type=\"text/template\" id=\"t\"><b>{x}</b></script>"));

        String page = project.files().get("app/page.tsx").asString();
        assertThat(page).contains("<script type=\"application/ld+json\" dangerouslySetInnerHTML={{ __html: \"{\\\"a\\\": 1}\" }} />")
                .contains("<script type=\"text/template\" id=\"t\" dangerouslySetInnerHTML={{ __html: \"<b>{x}</b>\" }} />")
                .doesNotContain("old.js");
        assertThat(project.report().entries(ConversionReport.Kind.DROPPED)).extracting(ConversionReport.Entry::message)
                .contains("<script nomodule> (modern browsers never run it)");
    }

    @Test
    void givesEveryPageOfASiteWithScriptsTheRuntimeSoEnteringItReloadsACleanDocument() {
        Project project = convert(files("index.html", "<script src=\"app.js\" defer></script><p>home</p>", "about.html", "<p>about</p>",
                "app.js", "console.log(1)"));

        assertThat(project.files().get("app/page.tsx").asString()).contains("{ src: \"/app.js\", defer: true, head: true }");
        assertThat(project.files().get("app/about/page.tsx").asString()).contains("<LegacyScripts page=\"/about\" scripts={[]} />");
        assertThat(project.files()).containsKey("app/_legacy/LegacyScripts.tsx");
    }

    @Test
    void servesTheOriginalHtmlUrlsAtTheirRoutes() {
        String config = convert(files("index.html", "<p>x</p>", "a/b.html", "<p>y</p>")).files().get("next.config.js").asString();

        assertThat(config).contains("{ source: \"/index.html\", destination: \"/\" }", "{ source: \"/a/b.html\", destination: \"/a/b\" }");
    }

    @Test
    void reportsMissingAssetsPerFileAndLine() {
        List<String> entries = convert(files("index.html", "<p>x</p>\n<img src=\"missing.png\" alt=\"\">\n<script src=\"gone.js\"></script>"))
                .report().entries(ConversionReport.Kind.UNMAPPED).stream().map(Object::toString).toList();

        assertThat(entries).contains("index.html:2 unmapped: <img src=\"missing.png\"> points at a file the input does not have",
                "index.html:3 unmapped: <script src=\"gone.js\"> points at a file the input does not have");
    }
}
