package dev.sandboxorchestrator.nextjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sandboxorchestrator.core.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Representative corpus pages (Bootstrap, Tailwind CDN, an LLM-written tool, MDN, 50 Projects) convert and
 * pass the real {@code next build}, and the prerendered page has the original's title and first heading.
 * All 39 cases are built by {@link CorpusBuildCheck} (see the README).
 */
class CorpusBuildIT {
    @ParameterizedTest
    @ValueSource(strings = {"bs-carousel", "p50-simple-timer", "llm-simonw-icon-editor", "mdn-event-handler-attrs", "p50-expanding-cards"})
    void corpusCaseBuildsAndKeepsItsTitleAndHeading(String name, @TempDir Path dir) throws IOException {
        Optional<Path> corpus = Corpus.dir();
        assumeTrue(corpus.isPresent(), "the HTML corpus is not at <repo root>/../shared/corpus/html and -Dcorpus.dir is not set");
        Path input = corpus.get().resolve(name);

        Project project = new NextJsProjectConverter().convert(input);
        NextBuilds.Run build = NextBuilds.writeAndBuild(project, dir);

        assertThat(build.ok()).as(build.tail(60)).isTrue();
        Document original = Jsoup.parse(input.resolve("index.html").toFile());
        Document built = Jsoup.parse(dir.resolve(".next/server/app/index.html").toFile());
        assertThat(built.title()).isEqualTo(original.title());
        Element heading = original.body().selectFirst("h1, h2, h3, button, p");
        if (heading != null) {
            assertThat(built.body().text()).contains(heading.text());
        }
        assertThat(Files.exists(dir.resolve(".next/BUILD_ID"))).isTrue();
    }
}
